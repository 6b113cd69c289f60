/** Test fixture: starts DynamoDB Local with a pid file, prints the Java pid, and waits to be killed. */
import { readFileSync } from 'node:fs';
import { startDynamoDbLocal } from '../../dev/dynamodb-local.js';

const pidFile = process.argv[2] as string;
const dynamo = await startDynamoDbLocal({ port: 0, pidFile });
console.log(`JAVA_PID=${readFileSync(pidFile, 'utf8').trim()} PORT=${dynamo.port}`);
setInterval(() => undefined, 1000);
