// seedrandom ships its algorithms as CommonJS files without their own typings; the engine
// imports alea alone (the package index would pull in Node's crypto for auto-seeding).
declare module 'seedrandom/lib/alea' {
  interface AleaState {
    c: number;
    s0: number;
    s1: number;
    s2: number;
  }
  interface AleaPrng {
    (): number;
    int32(): number;
    double(): number;
    quick(): number;
    state(): AleaState;
  }
  function alea(seed?: string, options?: { state?: boolean | AleaState }): AleaPrng;
  export default alea;
}
