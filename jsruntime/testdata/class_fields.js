// Class fields named like keywords, private members and static blocks:
// goja runs them natively once the keyword names are quoted.
class Ctx {
  set = (k, v) => { this.#vars.set(k, v); };
  get = (k) => this.#vars.get(k);
  async;
  static get = "static get";
  #vars = new Map();
  static #count = 0;
  static { Ctx.#count = 1; }
  static count() { return Ctx.#count; }
  has(o) { return #vars in o; }
}
// A variable named set assigned in a function body stays an assignment.
let set;
function assign() {
  set = "assigned";
}
assign();
const c = new Ctx();
c.set("a", 1);
export default {
  fetch() {
    return [c.get("a"), c.async, Ctx.get, Ctx.count(), c.has(c), c.has({}), set, Object.keys(c).join("+")].join(",");
  },
};
