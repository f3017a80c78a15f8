// Import this module FIRST in every entry that uses zod (src/main.ts and each worker entry).
//
// zod 4 compiles fast object parsers with `new Function` unless it runs jitless, and it probes whether
// `new Function` is allowed the first time an object schema is built. Under this site's CSP (no
// 'unsafe-eval', see tools/csp.ts) the probe fails quietly but still raises a `securitypolicyviolation`
// report on every load. Jitless mode skips the probe and the JIT; the interpreted parsers are correct and
// fast enough for the sizes validated here.
import { z } from 'zod';

z.config({ jitless: true });
