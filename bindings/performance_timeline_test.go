package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestPerformanceTimeline(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "performance_timeline_test.js", `
		const d = { x: 1 };
		const a = performance.mark("a", { detail: d });
		assertEq(JSON.stringify([String(a), a.name, a.entryType, typeof a.startTime, a.duration, a.detail === d]), '["[object PerformanceMark]","a","mark","number",0,true]', "mark");
		assertEq(JSON.stringify(a.toJSON()), JSON.stringify({ name: "a", entryType: "mark", startTime: a.startTime, duration: 0, detail: d }), "toJSON");
		assertEq(performance.mark("b", { startTime: 5 }).startTime, 5, "startTime");
		assertEq(performance.mark("s", { startTime: "x" }).startTime, NaN, "a startTime that is no number");
		assertThrows(() => performance.mark(), "TypeError", "Failed to execute 'mark' on 'Performance': parameter 1 is not of type 'string'.");
		assertThrows(() => performance.mark("n", { detail: null }), "TypeError", "Incorrect type for the 'detail' field on 'Options': the provided value is not of type 'Object'.");
		const c = new PerformanceMark("c");
		assertEq(JSON.stringify([c.name, c.detail, performance.getEntriesByName("c").length]), '["c",null,0]', "new PerformanceMark is not recorded");
		assertThrows(() => new PerformanceEntry(), "TypeError", "Illegal constructor");
		assertThrows(() => new PerformanceMeasure(), "TypeError", "Illegal constructor");

		const m1 = performance.measure("m1", "a", "b");
		assertEq(m1.startTime === a.startTime && String(m1) === "[object PerformanceMeasure]", true, "from a mark");
		assertEq(JSON.stringify(performance.measure("m2", { start: 1, end: 11 })), '{"name":"m2","entryType":"measure","startTime":1,"duration":10}', "start and end");
		const m3 = performance.measure("m3", { start: 1, duration: 4 });
		assertEq([m3.startTime, m3.duration].join(), "1,4", "start and duration");
		assertEq(performance.measure("m4", { start: 1, end: 2, duration: 3 }).duration, 1, "end wins over duration");
		assertEq(performance.measure("m5", "nope").startTime, 0, "an unknown mark counts as 0");
		assertEq(performance.measure("m6", { end: 10 }).duration, 10, "end alone");
		assertThrows(() => performance.measure(), "TypeError", "Failed to execute 'measure' on 'Performance': parameter 1 is not of type 'string'.");

		assertEq(performance.getEntries().map((e) => e.name).join(), "a,b,s,m1,m2,m3,m4,m5,m6", "getEntries");
		assertEq(performance.getEntries()[0], a, "the same objects");
		assertEq(performance.getEntriesByType("mark").map((e) => e.name).join(), "a,b,s", "by type");
		assertEq(performance.getEntriesByName("a", "measure").length + "," + performance.getEntriesByName("a", "mark").length, "0,1", "by name and type");
		assertThrows(() => performance.getEntriesByName(), "TypeError", "Failed to execute 'getEntriesByName' on 'Performance': parameter 1 is not of type 'string'.");
		performance.clearMarks("a");
		assertEq(performance.getEntriesByType("mark").map((e) => e.name).join(), "b,s", "clearMarks(name)");
		performance.clearMarks();
		performance.clearMeasures();
		assertEq(performance.getEntries().length, 0, "cleared");

		assertEq(String(performance.eventCounts) + " " + String(performance.nodeTiming), "[object EventCounts] [object PerformanceNodeTiming]", "node members");
		assertEq(JSON.stringify(performance.eventLoopUtilization()), '{"idle":0,"active":0,"utilization":0}', "eventLoopUtilization");
		assertEq(performance.timerify((x) => x + 1)(1), 2, "timerify");
		assertEq(performance.setResourceTimingBufferSize(5), undefined, "resource timing");
		const o = new PerformanceObserver(() => { throw new Error("never called"); });
		o.observe({ type: "mark" });
		performance.mark("observed");
		assertEq(o.takeRecords().length, 0, "takeRecords");
		o.disconnect();
		assertEq(PerformanceObserver.supportedEntryTypes.join(), "measure,mark", "supportedEntryTypes");
	`)
}
