/** IndividualContractLedger: individual contracts and treatment information (A5-3 … A5-5). */
import { describe, expect, it } from 'vitest';
import type { IndividualContractLedger } from '../../core/ledger.js';
import { create, individualContract, nov, termsRequest, treatmentInformation, update } from './builders.js';
import { type Fresh, freshPerTest, idsOf } from './harness.js';

export function individualContractLedgerContract(fresh: Fresh<IndividualContractLedger>) {
  describe('IndividualContractLedger', () => {
    const ledger = freshPerTest(fresh);

    it('lists contracts of a client and of an order newest first', async () => {
      await create(
        ledger(),
        individualContract('ic1', { createdAt: nov(1) }),
        individualContract('ic3', { createdAt: nov(3), orderId: 'ord-2' }),
        individualContract('ic2', { createdAt: nov(2) }),
        individualContract('ic9', { createdAt: nov(9), clientId: 'c2', orderId: 'ord-9' }),
      );
      const ids = (list: { individualContractId: string }[]) => idsOf(list, (c) => c.individualContractId);
      expect(ids(await ledger().listIndividualContractsOfClient('cli-1'))).toEqual(['ic3', 'ic2', 'ic1']);
      expect(ids(await ledger().listIndividualContractsOfOrder('ord-1'))).toEqual(['ic2', 'ic1']);
      expect(await ledger().getIndividualContract('missing')).toBeUndefined();
    });

    it('lists open terms requests due before an instant, soonest first, by department, until they are met', async () => {
      const ic1 = individualContract('ic1', { termsRequest: termsRequest(nov(10)) });
      await create(
        ledger(),
        individualContract('ic2', { termsRequest: termsRequest(nov(12)) }),
        ic1,
        individualContract('ic3', { termsRequest: termsRequest(nov(11)), department: 'SALES_OSAKA' }),
        individualContract('ic4', { termsRequest: termsRequest(nov(25)) }),
        individualContract('ic5', { termsRequest: termsRequest(nov(5), nov(4)) }),
        individualContract('ic6'),
      );
      const open = (department?: string, after?: string) =>
        ledger().listOpenIndividualContractTermsRequests({
          dueBefore: new Date(nov(20)),
          first: 2,
          ...(department ? { department } : {}),
          ...(after ? { after } : {}),
        });
      const first = await open();
      expect(idsOf(first.items, (c) => c.individualContractId)).toEqual(['ic1', 'ic3']);
      expect(idsOf((await open(undefined, first.endCursor)).items, (c) => c.individualContractId)).toEqual([
        'ic2',
      ]);
      expect(idsOf((await open('SALES_TOKYO')).items, (c) => c.individualContractId)).toEqual(['ic1', 'ic2']);
      await ledger().commit([update(ic1, { termsRequest: termsRequest(nov(10), nov(9)) })], []);
      expect(idsOf((await open('SALES_TOKYO')).items, (c) => c.individualContractId)).toEqual(['ic2']);
    });

    it('keeps one treatment information per order', async () => {
      await create(ledger(), treatmentInformation('ord-1'));
      expect(await ledger().getTreatmentInformation('ord-1')).toEqual(treatmentInformation('ord-1').value);
      expect(await ledger().getTreatmentInformation('ord-2')).toBeUndefined();
      await expect(ledger().commit([{ entity: treatmentInformation('ord-1') }], [])).rejects.toThrow();
    });
  });
}
