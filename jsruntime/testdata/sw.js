import { greet } from "./lib.js";
globalThis.result = greet("sw");
