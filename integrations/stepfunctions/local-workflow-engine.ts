/**
 * The workflow engine on one machine (docs/architecture.md, "Local runtime"): the state machine
 * definitions CDK synthesizes, run by `aws-local-stepfunctions`, every Lambda task mapped to the
 * same task function deployed on AWS. The callback pattern is emulated: a callback step mints a
 * token, hands it to the task (which stores it through the ledger), and waits until
 * `sendTaskSuccess` releases it. The library cannot persist an execution, so a restart re-runs
 * in-flight executions from the start (`start` again); the idempotent steps make the re-run end
 * where the first run stopped. A callback step that finds its task opened before the restart
 * waits only for the time left of its timeout (the deadline counts from the task's opening, so a
 * restart never extends it).
 */
import { randomUUID } from 'node:crypto';
import { IntegrationError } from '../../core/errors.js';
import type { WorkflowEngine, WorkflowName } from '../../core/workflows/workflow-engine.js';

// aws-local-stepfunctions 3 needs Promise.withResolvers (Node 22); Node 20 lacks it.
if (!('withResolvers' in Promise)) {
  Object.defineProperty(Promise, 'withResolvers', {
    value: <T>() => {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

type Json = Record<string, unknown>;
export type StateMachineDefinition = {
  StartAt: string;
  States: Record<string, Json & { Type: string; Resource?: string }>;
};

export interface LocalWorkflowEngineOptions {
  definitions: Record<WorkflowName, StateMachineDefinition>;
  /** The task function (core's runWorkflowTask with its dependencies). */
  runTask: (event: unknown) => Promise<Json>;
  /** The name a failure reports to the state machine (core's workflowErrorName). */
  errorName: (error: unknown) => string;
  /** Seconds between retries of a failed task step (tests: 0). Default: the definition's. */
  retryIntervalSeconds?: number;
  /** STOPPED: the host stopped it (`stop()`); a restart re-runs it. */
  onExecutionEnd?: (
    name: string,
    outcome: { status: 'SUCCEEDED' | 'FAILED' | 'STOPPED'; error?: string },
  ) => void;
  /** The hub's clock, against which a callback step's deadline is measured. Default: the system clock. */
  now?: () => Date;
}

/** The value `$$.Task.Token` resolves to; a callback step replaces it with a fresh token. */
const TOKEN_PLACEHOLDER = 'local-task-token';

interface Running {
  abort: () => void;
  done: Promise<void>;
}

export class LocalWorkflowEngine implements WorkflowEngine {
  private readonly running = new Map<string, Running>();
  private readonly stopped = new Set<string>();
  private readonly waiting = new Map<string, { resolve: (output: Json) => void; execution: string }>();
  private library: Promise<typeof import('aws-local-stepfunctions')> | undefined;

  constructor(private readonly options: LocalWorkflowEngineOptions) {}

  async start(workflow: WorkflowName, name: string, input: Json): Promise<void> {
    if (this.running.has(name)) return; // the same execution is already running
    const definition = this.options.definitions[workflow];
    if (!definition) throw new Error(`no state machine definition for ${workflow}`);
    this.library ??= import('aws-local-stepfunctions');
    const { StateMachine } = await this.library;
    if (this.running.has(name)) return;
    const machine = new StateMachine(definition as never, { validationOptions: { checkArn: false } });
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    const retryIntervals: Record<string, number> = {};
    for (const [stateName, state] of Object.entries(definition.States)) {
      if (state.Type !== 'Task') continue;
      const timeoutSeconds = typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : undefined;
      handlers[stateName] = state.Resource?.endsWith('.waitForTaskToken')
        ? (taskInput) => this.callback(name, taskInput as Json, timeoutSeconds)
        : (taskInput) => this.invoke(taskInput);
      if (this.options.retryIntervalSeconds !== undefined)
        retryIntervals[stateName] = this.options.retryIntervalSeconds;
    }
    const execution = machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: handlers as never, retryIntervalOverrides: retryIntervals },
      context: { Execution: { Name: name, Input: input as never }, Task: { Token: TOKEN_PLACEHOLDER } },
      noThrowOnAbort: true,
    });
    const done = execution.result.then(
      () => this.options.onExecutionEnd?.(name, { status: this.stopped.has(name) ? 'STOPPED' : 'SUCCEEDED' }),
      (error: unknown) =>
        this.options.onExecutionEnd?.(
          name,
          this.stopped.has(name)
            ? { status: 'STOPPED' }
            : { status: 'FAILED', error: error instanceof Error ? error.message : String(error) },
        ),
    );
    this.running.set(name, {
      abort: () => execution.abort(),
      done: done.finally(() => this.running.delete(name)),
    });
  }

  async sendTaskSuccess(taskToken: string, output: Json): Promise<void> {
    const waiter = this.waiting.get(taskToken);
    if (!waiter) {
      throw new IntegrationError({
        system: 'local-stepfunctions',
        operation: 'sendTaskSuccess',
        retryable: false,
        message: 'TaskDoesNotExist (the step is no longer waiting)',
      });
    }
    this.waiting.delete(taskToken);
    waiter.resolve(output);
  }

  /** Executions still running (waiting for a decision, or between steps). */
  get inFlight(): string[] {
    return [...this.running.keys()];
  }

  /** Stops every execution (the host is shutting down); a restart re-runs them. */
  stop(): void {
    for (const [name, r] of this.running) {
      this.stopped.add(name);
      r.abort();
    }
    this.running.clear();
    this.waiting.clear();
  }

  private async invoke(taskInput: unknown): Promise<unknown> {
    try {
      return await this.options.runTask(taskInput);
    } catch (error) {
      throw this.named(error);
    }
  }

  private async callback(
    execution: string,
    taskInput: Json,
    timeoutSeconds: number | undefined,
  ): Promise<unknown> {
    const payload = { ...(taskInput.Payload as Json) };
    const token = `local:${execution}:${randomUUID()}`;
    if (payload.taskToken === TOKEN_PLACEHOLDER) payload.taskToken = token;
    let resolve!: (output: Json) => void;
    const promise = new Promise<Json>((res) => {
      resolve = res;
    });
    this.waiting.set(token, { resolve, execution });
    // Like Step Functions: once the step has timed out, its token no longer releases anything.
    if (timeoutSeconds !== undefined) {
      setTimeout(() => this.waiting.delete(token), timeoutSeconds * 1000).unref();
    }
    let answer: Json;
    try {
      answer = await this.options.runTask(payload);
    } catch (error) {
      this.waiting.delete(token);
      throw this.named(error);
    }
    if (answer.alreadyDecided) {
      this.waiting.delete(token);
      return answer.alreadyDecided;
    }
    if (answer.alreadyEscalated) {
      // Escalated before a restart: go on as the timeout did the first time.
      this.waiting.delete(token);
      throw timedOut('escalated before the re-run');
    }
    if (timeoutSeconds !== undefined && typeof answer.openedAt === 'string') {
      // Opened before a restart: the deadline counts from then, not from this re-run.
      const now = (this.options.now ?? (() => new Date()))().getTime();
      const left = Date.parse(answer.openedAt) + timeoutSeconds * 1000 - now;
      if (left <= 0) {
        this.waiting.delete(token);
        throw timedOut('its deadline passed while the hub was stopped');
      }
      let timer: NodeJS.Timeout | undefined;
      const expiry = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          this.waiting.delete(token);
          reject(timedOut('the time left after the restart ran out'));
        }, left);
        timer.unref();
      });
      return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
    }
    return promise;
  }

  private named(error: unknown): Error {
    const failure = new Error(error instanceof Error ? error.message : String(error));
    failure.name = this.options.errorName(error);
    return failure;
  }
}

/** The error Step Functions raises when a step's TimeoutSeconds passes (its Catch matches it by name). */
function timedOut(message: string): Error {
  const timeout = new Error(message);
  timeout.name = 'States.Timeout';
  return timeout;
}
