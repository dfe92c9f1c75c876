package main

// The broadcast load: b.roomSockets WebSockets in one Durable Object room
// (scripts/bench/broadcast.js), a few of them sending; the room sends each
// message to every socket. Each sender sends its next message once every
// socket has its last one, so the room is kept busy with at most one
// message per sender in flight, and the figures are deliveries (messages
// received, all sockets together) per second and the fan-out latency,
// from a message's sending to its receipt at each socket.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
)

// roomSenders is how many of the room's sockets send.
const roomSenders = 4

// broadcastWorkload is the broadcast load on each target.
func broadcastWorkload() workload {
	return workload{
		name: "broadcast",
		about: fmt.Sprintf("a Durable Object room (scripts/bench/broadcast.js) sending each message to all its hibernatable WebSockets; %d of them send, "+
			"each its next message once every socket has its last; a delivery is a message received by one socket, its latency from sending to receipt", roomSenders),
		metrics: []metric{
			{name: "deliveries/s"},
			{name: "p50 fan-out latency, ms", lower: true},
			{name: "p99 fan-out latency, ms", lower: true},
		},
		prepare: nothing,
		measure: func(b *bench, t target) ([]float64, error) {
			s, err := t.startDurable(roomWorker)
			if err != nil {
				return nil, err
			}
			defer s.stop()
			r, err := broadcast(s.url, b.roomSockets, b.warmup, b.duration)
			return []float64{r.rate, ms(r.p50), ms(r.p99)}, err
		},
	}
}

// broadcast joins n WebSockets to the room at url and runs fanOut's load
// on them for warmup and then d; the deliveries within d count.
func broadcast(url string, n int, warmup, d time.Duration) (wsResult, error) {
	ctx, cancel := context.WithTimeout(context.Background(), warmup+d+2*time.Minute)
	defer cancel()
	cs, err := joinRoom(ctx, url, n)
	defer closeAll(cs)
	if err != nil {
		return wsResult{}, fmt.Errorf("joining %d WebSockets to the room: %w", n, err)
	}
	f := &fanOut{n: n, senders: make([]sender, min(roomSenders, n)), epoch: time.Now(), from: warmup, until: warmup + d}
	lat, err := f.run(ctx, cs)
	if err != nil {
		return wsResult{}, err
	}
	if len(lat) == 0 {
		return wsResult{}, fmt.Errorf("no message reached a socket in %s", d)
	}
	slices.Sort(lat)
	return wsResult{rate: float64(len(lat)) / d.Seconds(), p50: percentile(lat, 50), p99: percentile(lat, 99)}, nil
}

// fanOut is one run of the load. Each message is "SENDER SEQ SENT", SENT
// the nanoseconds from epoch to its sending.
type fanOut struct {
	n       int
	senders []sender
	// epoch is the start; from and until bound the measured deliveries,
	// as times since epoch.
	epoch       time.Time
	from, until time.Duration
}

// sender is the state of one sending socket's message in flight.
type sender struct {
	seq     atomic.Int64 // its number, from 1
	pending atomic.Int64 // sockets yet to receive it
	done    chan struct{}
}

// errStopped ends the receivers once the senders have stopped.
var errStopped = errors.New("the load is over")

// run sends from the first len(f.senders) sockets until f.until and
// returns the latencies of the deliveries within the measured window.
func (f *fanOut) run(ctx context.Context, cs []*websocket.Conn) ([]time.Duration, error) {
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	lat := make([][]time.Duration, len(cs))
	var receivers sync.WaitGroup
	for i, c := range cs {
		receivers.Go(func() { lat[i] = f.receive(ctx, stop, c) })
	}
	errs := make([]error, len(f.senders))
	var senders sync.WaitGroup
	for j := range f.senders {
		f.senders[j].done = make(chan struct{}, 1)
		senders.Go(func() { errs[j] = f.send(ctx, j, cs[j]) })
	}
	senders.Wait()
	stop(errStopped)
	receivers.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := context.Cause(ctx); !errors.Is(err, errStopped) {
		return nil, err
	}
	return slices.Concat(lat...), nil
}

// send sends sender j's messages on c, each once the last has reached
// every socket, until f.until.
func (f *fanOut) send(ctx context.Context, j int, c *websocket.Conn) error {
	s := &f.senders[j]
	timer := time.NewTimer(fanOutTimeout)
	defer timer.Stop()
	for seq := int64(1); time.Since(f.epoch) < f.until; seq++ {
		s.seq.Store(seq)
		s.pending.Store(int64(f.n))
		msg := fmt.Appendf(nil, "%d %d %d", j, seq, int64(time.Since(f.epoch)))
		if err := c.Write(ctx, websocket.MessageText, msg); err != nil {
			return fmt.Errorf("failed to send message %d of sender %d: %w", seq, j, err)
		}
		timer.Reset(fanOutTimeout)
		select {
		case <-s.done:
		case <-ctx.Done():
			return nil // run reports the cause
		case <-timer.C:
			return fmt.Errorf("message %d of sender %d reached %d of %d sockets in %s", seq, j, int64(f.n)-s.pending.Load(), f.n, fanOutTimeout)
		}
	}
	return nil
}

// receive reads c's messages until ctx ends, counting each against its
// sender, and returns the latencies of those received within the
// measured window. An error ends the run, through stop.
func (f *fanOut) receive(ctx context.Context, stop context.CancelCauseFunc, c *websocket.Conn) []time.Duration {
	var lat []time.Duration
	for {
		_, data, err := c.Read(ctx)
		if err != nil {
			stop(fmt.Errorf("failed to read a message of the room: %w", err))
			return lat
		}
		now := time.Since(f.epoch)
		j, seq, sent, err := f.parse(data)
		if err != nil {
			stop(err)
			return lat
		}
		if now >= f.from && now < f.until {
			lat = append(lat, now-sent)
		}
		s := &f.senders[j]
		if s.seq.Load() != seq {
			stop(fmt.Errorf("a socket got message %d of sender %d while message %d was in flight", seq, j, s.seq.Load()))
			return lat
		}
		if s.pending.Add(-1) == 0 {
			s.done <- struct{}{}
		}
	}
}

// parse reads "SENDER SEQ SENT" (without allocating: the benchmark's
// own work takes CPU from the server).
func (f *fanOut) parse(msg []byte) (j int, seq int64, sent time.Duration, err error) {
	var v [3]int64
	rest, ok := msg, true
	for i := range v {
		var field []byte
		field, rest, _ = bytes.Cut(rest, []byte(" "))
		n, err := strconv.ParseInt(string(field), 10, 64)
		v[i], ok = n, ok && err == nil
	}
	if !ok || len(rest) > 0 || v[0] < 0 || v[0] >= int64(len(f.senders)) {
		return 0, 0, 0, fmt.Errorf("a socket got %.100q, not one of the benchmark's messages", msg)
	}
	return int(v[0]), v[1], time.Duration(v[2]), nil
}
