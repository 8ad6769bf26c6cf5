import path from 'node:path';

/** The project's root folder, from the source tree (common/) or from its compiled copy (dist/common/). */
export const repositoryRoot = path.resolve(__dirname, '..', __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '');
