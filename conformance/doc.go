// Package conformance checks workerhost against workerd, case by case. Each
// case (cases.go) is a worker script, its compatibility settings and a
// scenario a real client drives over real sockets (session.go,
// websocket_client.go); the transcript the client saw on workerhost is
// compared with the one recorded from workerd in testdata/<case>.txt, and,
// where workerd is installed, with workerd live.
//
// Durable Object cases (durable_cases.go, workers/durable-*.js) also give
// both targets the same Durable Object namespaces (Case.DurableObjects):
// workerd stores their objects on disk in a temporary directory, as wrangler
// dev does, and every case starts with none. Their workers print what they
// observe as "label: result" lines, recorded line by line, and keep times
// and random IDs out of the transcript.
//
// It is test support, not part of the product: it imports host, testing
// packages and internal/workerd (which runs the reference), and nothing but
// its own tests imports it.
package conformance
