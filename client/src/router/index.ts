export { hashOf, parseHash, type HashRoute } from './hash-route.js';
export { HashRouter } from './hash-router.js';
