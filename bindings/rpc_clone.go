package bindings

// RPC's structured clone, as workerd's JS RPC makes it: the V8 format of
// Serialize, except that what RPC passes by reference crosses as a
// reference (a function, an RpcTarget, a Durable Object stub, which the
// receiver gets as a stub that calls back) or as a copy (Request,
// Response, Headers), and a class instance is refused. Caller and object
// run on the same loop, so a reference is the JS value itself, kept beside
// the bytes.

import (
	"github.com/dop251/goja"
)

// hostTagRPCRef is the host object tag of a reference in an RPC clone;
// workerd's tags stop well below it.
const hostTagRPCRef = 1000

// rpcClone is an RPC argument list or result in transit.
type rpcClone struct {
	data []byte
	refs []rpcRef
}

// rpcRef is one value passed by reference, and how the receiver gets it.
type rpcRef struct {
	kind  string // "function", "target", "stub", "request", "response", "headers"
	value goja.Value
}

// serializeRPC clones v for an RPC call or result. On the loop.
func (rl *Realm) serializeRPC(v goja.Value) (*rpcClone, error) {
	s := rl.newSerializer()
	s.rpc = &rpcClone{}
	if ex := rl.vm.Try(func() { s.writeValue(v) }); ex != nil {
		return nil, ex
	}
	s.rpc.data = s.buf
	return s.rpc, nil
}

// deserializeRPC reads what serializeRPC wrote, making the receiver's
// stubs and copies of what crossed by reference. On the loop.
func (rl *Realm) deserializeRPC(c *rpcClone) (goja.Value, error) {
	return rl.deserializeWith(c.data, nil, c)
}

// writeRPC writes o if RPC passes it otherwise than V8 would, and reports
// whether it did; a class instance throws.
func (s *serializer) writeRPC(o *goja.Object, k cloneKind) bool {
	rl := s.rl
	kind := ""
	switch {
	case k.kind == kindUncloneable && k.target != nil && rl.isDurableObjectStub(o):
		kind = "stub"
	case k.kind == kindUncloneable:
		if _, ok := goja.AssertFunction(o); ok {
			kind = "function"
		}
	case k.kind == kindHost:
		switch k.state.(type) {
		case *request:
			kind = "request"
		case *response:
			kind = "response"
		case *headers:
			kind = "headers"
		}
	case k.kind == kindPlain:
		p := o.Prototype()
		if p == nil || p == rl.clone.objectProto {
			return false
		}
		if rl.hasProto(o, rl.workers.rpcTarget.Get("prototype").(*goja.Object)) {
			kind = "target"
			break
		}
		name := rl.callIntrinsic(rl.clone.ctorName, goja.Undefined(), o)
		s.throwNotSerializable(name.String())
	}
	if kind == "" {
		return false
	}
	s.beginHost(hostTagRPCRef)
	s.buf = appendVarint(s.buf, uint64(len(s.rpc.refs)))
	s.rpc.refs = append(s.rpc.refs, rpcRef{kind: kind, value: o})
	return true
}

// readRPCRef reads a reference of an RPC clone: the receiver's side of it.
func (d *deserializer) readRPCRef() *goja.Object {
	i := uint64(d.u32())
	if d.rpc == nil || i >= uint64(len(d.rpc.refs)) {
		d.corrupt("RPC reference %d out of range", i)
	}
	ref := d.rpc.refs[i]
	v, err := d.rl.durableJS().receiveRef(goja.Undefined(), d.rl.vm.ToValue(ref.kind), ref.value)
	if err != nil {
		panic(err)
	}
	return v.(*goja.Object)
}
