// imported by test.mjs (static and dynamic import, relative to the importing module)
export const square = (x) => x * x;
export class Counter {
  constructor(start) { this.value = start; }
  next() { this.value++; return this; }
}
export default 'helper-default';
