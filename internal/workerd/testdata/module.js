// An ES-module worker that imports a Text and a Data module by wrangler's
// default rules.
import text from "./hello.txt";
import data from "./data.bin";

export default {
  fetch(request, env) {
    console.log("module", env.GREETING);
    return new Response(`${env.GREETING} ${text.trim()} ${data.byteLength} ${data instanceof ArrayBuffer}`);
  },
};
