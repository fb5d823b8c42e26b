/**
 * Writes scenarios/schema.json from the zod schema (src/scenario/schema.ts).
 *   npx tsx src/scenario/write-schema.ts
 * tests/scenario/schema-file.test.ts fails when the committed file is out of date.
 */
import { writeSchemaFile } from './node';

const file = writeSchemaFile();
console.log(`wrote ${file}`);
