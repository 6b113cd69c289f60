/** A client's establishments (事業所), each with its conflict date (抵触日). */
import type { Establishment } from '../establishments/establishment.js';

export interface EstablishmentLedger {
  getEstablishment(establishmentId: string): Promise<Establishment | undefined>;
  /** A client's establishments, oldest first. */
  listEstablishmentsOfClient(clientId: string): Promise<Establishment[]>;
}
