// A private field named #get: goja's parser rejects it and a private name
// cannot be quoted, so this bundle falls back to lowered class fields.
class Box {
  #get = 41;
  get() { return this.#get + 1; }
}
export default { fetch() { return String(new Box().get()); } };
