// The Cloudflare global (surface_cases.go): every compatibility flag with
// its value for the case's date and flags, and the object's shape.
export default {
  fetch() {
    const flags = Cloudflare.compatibilityFlags;
    const d = Object.getOwnPropertyDescriptor(Cloudflare, "compatibilityFlags");
    const lines = [
      "tag: " + Object.prototype.toString.call(Cloudflare),
      "class: " + Object.getPrototypeOf(Cloudflare).constructor.name,
      "descriptor: " + JSON.stringify({ writable: d.writable, enumerable: d.enumerable, configurable: d.configurable }),
      "frozen: " + Object.isFrozen(flags) + ", prototype " + (Object.getPrototypeOf(flags) === Object.prototype),
      "count: " + Object.keys(flags).length + ", on " + Object.values(flags).filter(Boolean).length,
    ];
    for (const [name, on] of Object.entries(flags)) lines.push(name + ": " + on);
    return new Response(lines.join("\n") + "\n");
  },
};
