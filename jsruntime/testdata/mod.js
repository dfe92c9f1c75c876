import { greet, boom } from "./lib.js";
class Ctx { set = (k, v) => k + v; get = 1; #p = 2; static s = 3; p() { return this.#p; } }
export default {
  fetch() { return greet("mod") + new Ctx().set("a", "b") + new Ctx().p(); },
  fail() { boom(); },
};
