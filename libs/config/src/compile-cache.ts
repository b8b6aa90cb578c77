import * as nodeModule from 'node:module';

/**
 * Imported first by every entry point: from Node 22.1 on, Node keeps the compiled code of the
 * modules a process loads on disk (under the system's temporary directory, or NODE_COMPILE_CACHE)
 * and reuses it at the next start, and about half of a start is loading modules. Node 20 has no
 * such cache; where the directory cannot be written, Node goes on without it.
 */
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
