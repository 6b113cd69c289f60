/** Type references shared across feature files, declared here so the features need not import each other. */
import type { Application } from '../../core/applications/application.js';
import type { Client } from '../../core/clients/client.js';
import type { Establishment } from '../../core/establishments/establishment.js';
import type { Inquiry } from '../../core/inquiries/inquiry.js';
import { builder } from '../builder.js';

export const ClientRef = builder.objectRef<Client>('Client');
export const InquiryRef = builder.objectRef<Inquiry>('Inquiry');
export const ApplicationRef = builder.objectRef<Application>('Application');
export const EstablishmentRef = builder.objectRef<Establishment>('Establishment');
