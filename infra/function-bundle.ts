/**
 * How every Lambda function of the hub is bundled (used by the stack and by
 * `npm run bench:bundles`): esbuild, ESM for Node 22, minified, `@aws-sdk/*` left to the Lambda
 * runtime, and **split**: what a handler loads with `import()` (the composition with the DynamoDB
 * adapters and the AWS SDK, a vendor's client, the G-Staff CSV reader) goes into chunks of its
 * own, loaded at the first invocation that needs it, never at the function's cold import. In one
 * file, esbuild hoists every external import to the top, so the SDK would be imported at start
 * whatever the handler says; the chunks are what make `import()` lazy in the deployed artefact.
 * The CDK's NodejsFunction writes one file (`--outfile`), hence this small construct.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { type BuildOptions, buildSync } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The esbuild options of a function's bundle: `index.mjs` (exporting `handler`) and `chunks/`. */
export function functionBundleOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: { index: entry },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    mainFields: ['module', 'main'],
    // The Node 22 runtime provides the AWS SDK v3.
    external: ['@aws-sdk/*'],
    // Multipart bodies (file uploads) are never sent: see the module's docblock.
    alias: { 'form-data': join(ROOT, 'infra/bundle-aliases/form-data.ts') },
    // Some dependencies are CommonJS and call require(); give every ESM output file one.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    absWorkingDir: ROOT,
    logLevel: 'warning',
  };
}

export interface HubFunctionProps extends Omit<lambda.FunctionProps, 'code' | 'handler'> {
  /** The handler module, relative to the project root (e.g. `functions/graphql.handler.ts`). */
  entry: string;
}

/**
 * A Lambda function running `entry`'s `handler`, bundled at synth time by the project's esbuild
 * (skipped, like every bundling, for the stacks `aws:cdk:bundling-stacks` leaves out). Always
 * bundled locally: a failed build fails the synth; the image is required by the CDK's type and
 * never pulled.
 */
export class HubFunction extends lambda.Function {
  constructor(scope: Construct, id: string, props: HubFunctionProps) {
    const { entry, ...rest } = props;
    super(scope, id, {
      ...rest,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(ROOT, {
        // Named by what was built (sources, locked dependencies and these options all shape it).
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          image: DockerImage.fromRegistry('node:22-slim'),
          // The CDK keys a bundled asset by its bundling options, which do not include `tryBundle`:
          // without the entry here every function of a stack would get the first one's bundle.
          environment: { HUB_FUNCTION_ENTRY: entry },
          local: {
            tryBundle(outputDir: string) {
              // Source maps for the stack traces (NODE_OPTIONS=--enable-source-maps).
              buildSync({ ...functionBundleOptions(entry, outputDir), sourcemap: true });
              return true;
            },
          },
        },
      }),
    });
  }
}
