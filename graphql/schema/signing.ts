/**
 * Signature sends whose outcome is unknown, and signatures whose completion callback was lost
 * (A5-2, A5-6, X-3): GMO Sign's API offers no envelope lookup, so an admin who checked GMO Sign's
 * own screen settles each one — sent (with the id GMO Sign shows), not sent (sent again by the
 * next dispatch), declined, or completed. A workflow waiting for it goes on as soon as the
 * outcome is recorded. Audited; never a blind second send.
 */
import type { Actor } from '../../core/access.js';
import { releaseSignatureWait } from '../../core/applications/contract-steps.js';
import { ValidationError } from '../../core/errors.js';
import {
  confirmSignatureEnvelope,
  recordEnvelopeCompletion,
  type SignatureEnvelope,
} from '../../core/signing/signature-outbox.js';
import { builder } from '../builder.js';
import { MUTATION_ERRORS } from './errors.js';

const OutcomeEnum = builder.enumType('SignatureSendOutcome', {
  description:
    'SENT: the envelope is in GMO Sign; NOT_SENT: it is not (send again); DECLINED: a signer declined it; COMPLETED: GMO Sign shows it signed (its callback was lost).',
  values: ['SENT', 'NOT_SENT', 'DECLINED', 'COMPLETED'] as const,
});

const EnvelopeRef = builder.objectRef<SignatureEnvelope>('SignatureEnvelope').implement({
  description: 'One document sent for signature through GMO Sign (発報), as the signature outbox holds it.',
  fields: (t) => ({
    envelopeName: t.exposeString('envelopeName'),
    state: t.exposeString('state'),
    envelopeId: t.exposeString('envelopeId', { nullable: true }),
    lastError: t.exposeString('lastError', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const ConfirmInput = builder.inputType('ConfirmSignatureEnvelopeInput', {
  fields: (t) => ({
    envelopeName: t.string({ required: true }),
    outcome: t.field({ type: OutcomeEnum, required: true }),
    envelopeId: t.string({
      description:
        'SENT: the envelope id GMO Sign shows (required); COMPLETED: the same, required only when the hub has none.',
    }),
  }),
});

builder.mutationField('confirmSignatureEnvelope', (t) =>
  t.field({
    type: EnvelopeRef,
    description:
      'Admin: settle a send whose outcome is unknown (NEEDS_CONFIRMATION), or a SENT envelope whose completion callback never came (COMPLETED / DECLINED), from what GMO Sign shows.',
    authScopes: { permission: 'signature.confirm' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ConfirmInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.outcome === 'SENT' && !input.envelopeId)
        throw new ValidationError([
          { path: 'input.envelopeId', message: 'is required when the envelope was sent' },
        ]);
      const envelope = await confirmSignatureEnvelope(
        ctx.deps,
        ctx.actor as Actor,
        input.outcome === 'SENT'
          ? { envelopeName: input.envelopeName, outcome: 'SENT', envelopeId: input.envelopeId ?? '' }
          : input.outcome === 'COMPLETED'
            ? {
                envelopeName: input.envelopeName,
                outcome: 'COMPLETED',
                ...(input.envelopeId ? { envelopeId: input.envelopeId } : {}),
              }
            : { envelopeName: input.envelopeName, outcome: input.outcome },
      );
      // Where this host reaches GMO Sign (the local host), the signed PDF is fetched now; on AWS
      // the waiting workflow's next poll does it (the GraphQL function holds no GMO Sign key).
      const { signatures } = ctx.deps;
      if (input.outcome === 'COMPLETED' && signatures)
        await recordEnvelopeCompletion({ ...ctx.deps, signatures }, { envelopeName: input.envelopeName });
      await releaseSignatureWait(ctx.deps, input.envelopeName);
      return (await ctx.deps.ledger.getSignatureEnvelope(input.envelopeName)) ?? envelope;
    },
  }),
);
