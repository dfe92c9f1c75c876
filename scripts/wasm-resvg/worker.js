// SVG to PNG with resvg (@resvg/resvg-wasm, a wasm-bindgen package), the
// way Open Graph images are made on Workers: GET /card.png?hue=…&bars=…
// draws a 1200×630 card and answers it as a PNG; POST /render renders the
// SVG in the body. The package's .wasm is imported as a compiled
// WebAssembly.Module (wrangler's CompiledWasm rule) and handed to
// initWasm(), which instantiates it; that is asynchronous, so it happens
// on the first request, not at the top level.
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import resvgWasm from "@resvg/resvg-wasm/index_bg.wasm";

let ready;

// card is an SVG card: a gradient of the given hue, rings and a bar chart
// of bars bars. (resvg-wasm has no system fonts, so no text.)
function card(hue, bars) {
  const shapes = [];
  for (let i = 0; i < bars; i++) {
    const h = 60 + ((i * 97) % 300);
    shapes.push(`<rect x="${120 + i * 90}" y="${520 - h}" width="60" height="${h}" rx="8" fill="hsl(${(hue + i * 25) % 360}, 70%, 60%)"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue}, 60%, 20%)"/>
      <stop offset="1" stop-color="hsl(${(hue + 60) % 360}, 60%, 35%)"/>
    </linearGradient>
  </defs>
  <rect width="1200" height="630" fill="url(#bg)"/>
  <circle cx="1000" cy="160" r="110" fill="none" stroke="white" stroke-opacity="0.5" stroke-width="18"/>
  <circle cx="1000" cy="160" r="60" fill="white" fill-opacity="0.8"/>
  <path d="M80 560 Q 600 440 1120 560" stroke="white" stroke-width="6" fill="none" stroke-dasharray="20 12"/>
  ${shapes.join("\n  ")}
</svg>`;
}

// png renders svg at width pixels wide.
function png(svg, width) {
  const image = new Resvg(svg, { fitTo: { mode: "width", value: width } }).render();
  const bytes = image.asPng();
  image.free();
  return bytes;
}

export default {
  async fetch(request) {
    ready ??= initWasm(resvgWasm);
    await ready;
    const url = new URL(request.url);
    try {
      if (url.pathname === "/card.png") {
        const hue = Number(url.searchParams.get("hue") ?? 210) % 360;
        const bars = Math.min(Number(url.searchParams.get("bars") ?? 6), 10);
        const width = Math.min(Number(url.searchParams.get("width") ?? 1200), 2400);
        return new Response(png(card(hue, bars), width), { headers: { "content-type": "image/png" } });
      }
      if (url.pathname === "/render" && request.method === "POST") {
        return new Response(png(await request.text(), 400), { headers: { "content-type": "image/png" } });
      }
    } catch (e) {
      return new Response(`${e.name}: ${e.message}\n`, { status: 400 });
    }
    return new Response("GET /card.png?hue=210&bars=6&width=1200, or POST /render with an SVG\n", { status: 404 });
  },
};
