// The seeded generator lives in core (the partner finder's training uses it too); analyses import it from here.
export { randomInt, sampleIndices, seededRng, type Rng } from '../core/random.js';
