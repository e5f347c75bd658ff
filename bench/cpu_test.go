package bench

import (
	"testing"
	"time"
)

// A cpuMeter adds the process's CPU time per operation (cpu-ns/op) to a
// benchmark's figures. Wall time (ns/op) counts the moments a side waits
// for a core that another process holds, and on a shared machine those
// come and go between one side's run and the next; CPU time counts only
// the work done, so the ratios of bench/compare are taken from it.
type cpuMeter struct {
	b       *testing.B
	started time.Duration
	total   time.Duration
	running bool
	ok      bool
}

// meterCPU starts a cpuMeter for b.
func meterCPU(b *testing.B) *cpuMeter {
	m := &cpuMeter{b: b, ok: true}
	m.resume()
	return m
}

// pause stops counting, for work outside the timed part (with b.StopTimer).
func (m *cpuMeter) pause() {
	if !m.running {
		return
	}
	now, ok := processCPU()
	m.ok = m.ok && ok
	m.total += now - m.started
	m.running = false
}

// resume counts again (with b.StartTimer).
func (m *cpuMeter) resume() {
	if m.running {
		return
	}
	now, ok := processCPU()
	m.ok = m.ok && ok
	m.started, m.running = now, true
}

// report stops the meter and reports cpu-ns/op, when the process's CPU
// time can be read on this system.
func (m *cpuMeter) report() {
	m.pause()
	if m.ok && m.b.N > 0 {
		m.b.ReportMetric(float64(m.total.Nanoseconds())/float64(m.b.N), "cpu-ns/op")
	}
}

// loop runs body as the timed loop of b (b.Loop), with allocations and
// CPU time per operation reported.
func loop(b *testing.B, body func()) {
	b.ReportAllocs()
	m := meterCPU(b)
	for b.Loop() {
		body()
	}
	m.report()
}
