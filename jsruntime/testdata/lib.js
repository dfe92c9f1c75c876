export function greet(name) {
  return "hello " + name;
}
export function boom() {
  throw new Error("boom in lib");
}
