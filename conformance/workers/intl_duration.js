// Conformance worker: Intl.DurationFormat in each locale (those with
// ListFormat data) over durations and option sets, with its resolved
// options, ISO strings, parts, errors and shape. A line per probe.

// The locales are split over PARTS routes (/?part=0 …), each short enough
// for a -race build's CPU budget; the last part also runs the rest.
const PARTS = 4;

function probe(part) {
const D = Intl.DurationFormat; const out=[];
const LL = ["en","en-GB","en-IN","de","fr","es","it","pt-BR","nl","ja","zh","ko","ru","ar","hi","pl","sv"];
const DS = [{years:1, months:2, weeks:3, days:4, hours:5, minutes:6, seconds:7, milliseconds:8, microseconds:9, nanoseconds:10},
 {hours:1, minutes:2, seconds:3, milliseconds:456}, {hours:-1, minutes:-30}, {seconds:0}, {days:2, seconds:5}, {minutes:61, seconds:1.0}, {years:-2, nanoseconds:-5},
 {milliseconds:1500}, {hours:25}, {days:1, hours:0, minutes:0, seconds:0, milliseconds:1}, {seconds:-0.0, milliseconds: -3}, {years:1000000, days:3}, {months:1}, {weeks:2, days:1}];
const OPTS = [{}, {style:"long"}, {style:"narrow"}, {style:"digital"}, {style:"digital", fractionalDigits:3}, {style:"digital", fractionalDigits:0}, {hours:"numeric"}, {minutes:"numeric"},
 {seconds:"numeric"}, {hours:"2-digit"}, {style:"long", milliseconds:"numeric"}, {style:"long", microseconds:"numeric", fractionalDigits:2}, {years:"long", days:"narrow", hoursDisplay:"always"},
 {style:"digital", hoursDisplay:"auto"}, {style:"digital", hours:"long"}, {style:"short", secondsDisplay:"always", minutesDisplay:"always"}, {style:"digital", daysDisplay:"always"}, {style:"narrow", seconds:"2-digit"}];
for (const l of LL.filter((_, i) => i % PARTS === part)) for (const o of OPTS) {
  let f; try { f = new D(l, o); } catch (e) { out.push(l + JSON.stringify(o) + " " + e.name + ": " + e.message); continue; }
  out.push(l + JSON.stringify(o) + " " + JSON.stringify(DS.map(d => { try { return f.format(d); } catch (e) { return e.name + ": " + e.message; } })));
}
if (part !== PARTS - 1) return out;
for (const o of OPTS) { try { out.push(JSON.stringify(new D("en", o).resolvedOptions())); } catch (e) { out.push(e.message); } }
out.push(JSON.stringify(new D("en", {numberingSystem:"arab"}).format({hours:1, minutes:2, seconds:3})));
out.push(JSON.stringify(["PT1H", "P1Y2M3W4DT5H6M7.123456789S", "-PT1.5S", "P1D", "PT0S"].map(s => { try { return new D("en").format(s); } catch (e) { return e.name + ": " + e.message; } })));
out.push(JSON.stringify([new D("de",{style:"digital"}).formatToParts({days:1, hours:1, minutes:2, seconds:3, milliseconds:456}), new D("fr",{style:"long"}).formatToParts({hours:-1, minutes:-2}), new D("en",{style:"long", milliseconds:"numeric"}).formatToParts({seconds:1, milliseconds:2})]));
for (const f of [()=>D(), ()=>new D("en",{style:"x"}), ()=>new D().format({}), ()=>new D().format({hours:1.5}), ()=>new D().format({hours:1,minutes:-1}), ()=>new D().format(5), ()=>new D("en",{minutes:"numeric", seconds:"long"}), ()=>new D("en",{milliseconds:"numeric", millisecondsDisplay:"always"}), ()=>new D("en", {fractionalDigits:10}), ()=>new D("en", {hours:"x"}), ()=>new D("en", {hoursDisplay:"x"}), ()=>D.prototype.format.call({}, {}), ()=>new D("en_US"), ()=>D.supportedLocalesOf(["en","xx","de-DE"]), ()=>new D("en", null), ()=>new D().format({hours:Infinity}), ()=>new D().format(null), ()=>new D().format({hours:"2"}), ()=> new D("en",{style:"long", seconds:"numeric", milliseconds:"long"})]) {
  try { out.push(JSON.stringify(f())); } catch (e) { out.push(e.name+": "+e.message); }
}
out.push(JSON.stringify([D.length, D.name, Object.getOwnPropertyNames(D.prototype), D.prototype.format.length, D.prototype.formatToParts.length, D.supportedLocalesOf.length, Object.getOwnPropertyDescriptor(D.prototype, Symbol.toStringTag), Object.getOwnPropertyDescriptor(Intl, "DurationFormat")]));
return out;
}

export default {
  async fetch(request) {
    return new Response(probe(Number(new URL(request.url).searchParams.get("part"))).join("\n"));
  },
};
