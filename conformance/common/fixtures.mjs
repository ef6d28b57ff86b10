import { createRequire } from 'module';

const fixtures = createRequire(import.meta.url)('./fixtures.js');

const { fixturesDir, path, fileURL, readSync, readKey, readKeys } = fixtures;

export { fixturesDir, path, fileURL, readSync, readKey, readKeys };
export default fixtures;
