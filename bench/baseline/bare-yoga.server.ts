/**
 * The bare graphql-yoga + Pothos baseline (bare-yoga.handler.ts) served over HTTP on PORT, for
 * `npm run bench:load` to load next to the local host. Nothing of the hub.
 */
import { createServer } from 'node:http';
import { yoga } from './bare-yoga.handler.js';

const port = Number(process.env.PORT ?? 4100);
createServer(yoga).listen(port, '127.0.0.1', () => console.log(`bare yoga ready on ${port}`));
