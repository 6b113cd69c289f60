/** The hearing sheet form (A1-6, A7-2): saved in parts; completeness shown from the API. */
import { Badge, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { graphql } from '../api/graphql.js';
import {
  type HearingForm,
  type HearingItemsValue,
  hearingErrorField,
  hearingForm,
  hearingInput,
  TEXT_ITEMS,
} from '../lib/hearing.js';
import { useMutation } from './hooks.js';
import { useI18n } from './session.js';
import { MutationErrors } from './ui.js';

export const HearingSheetFields = graphql(`
  fragment HearingSheetFields on HearingSheet {
    id version updatedAt
    completeness { complete missing missingForOrder }
    items {
      jobCategory jobContent requiredQualifications requiredSkills workLocation timeBand dispatchPeriod startDate
      workingHours workingDays acceptanceSetup welfare healthAndSafety recruitmentBackground departmentAndFollowUp
      siteEnvironment hazardousWork hazardRating
      billingRate { amountYen unit }
      overtime { expected hoursPerMonth }
      safetyTraining { yes details }
      confidentialInformation { yes details }
    }
  }
`);

const SaveHearingSheet = graphql(`
  mutation SaveHearingSheet($input: SaveHearingSheetInput!) {
    saveHearingSheet(input: $input) {
      __typename
      ... on HearingSheet { id }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

export function Completeness({ missing, complete }: { missing: readonly string[]; complete: boolean }) {
  const i18n = useI18n();
  return (
    <Group gap={4} data-testid="hearing-completeness">
      <Badge color={complete ? 'teal' : 'orange'} variant="light" autoContrast>
        {complete ? i18n.t('complete') : `${i18n.t('missing')} ${missing.length}`}
      </Badge>
      {missing.map((m) => (
        <Badge key={m} color="gray" variant="outline" size="sm">
          {i18n.label('HearingItem', m)}
        </Badge>
      ))}
    </Group>
  );
}

export function HearingSheetForm({
  inquiryId,
  items,
  version,
  editable,
  onSaved,
}: {
  inquiryId: string;
  items: HearingItemsValue | null | undefined;
  version: number | undefined;
  editable: boolean;
  onSaved(): void;
}) {
  const i18n = useI18n();
  const [form, setForm] = useState<HearingForm>(() => hearingForm(items));
  const save = useMutation(SaveHearingSheet, 'saveHearingSheet', 'HearingSheet');
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(save.fields)) errors[hearingErrorField(path)] = message;
  const set = <K extends keyof HearingForm>(k: K, v: HearingForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const yesNo = [
    { value: 'yes', label: i18n.t('yes') },
    { value: 'no', label: i18n.t('no') },
  ];
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {TEXT_ITEMS.map((k) => (
          <TextInput
            key={k}
            label={i18n.label('HearingItem', k)}
            value={form[k]}
            onChange={(e) => set(k, e.currentTarget.value)}
            error={errors[k]}
            readOnly={!editable}
          />
        ))}
        <Select
          label={i18n.label('HearingItem', 'hazardousWork')}
          data={yesNo}
          value={form.hazardousWork || null}
          onChange={(v) => set('hazardousWork', (v ?? '') as HearingForm['hazardousWork'])}
          error={errors.hazardousWork}
          readOnly={!editable}
          clearable
        />
        <Select
          label={i18n.label('HearingItem', 'hazardRating')}
          data={i18n.options('HazardRating')}
          value={form.hazardRating || null}
          onChange={(v) => set('hazardRating', (v ?? '') as HearingForm['hazardRating'])}
          error={errors.hazardRating}
          readOnly={!editable}
          clearable
        />
        <Group grow align="flex-start">
          <NumberInput
            label={`${i18n.label('HearingItem', 'billingRate')}${i18n.t('unitYen')}`}
            value={form.billingAmount}
            onChange={(v) => set('billingAmount', String(v))}
            error={errors.billingAmount}
            readOnly={!editable}
            min={0}
          />
          <Select
            label={i18n.t('unit')}
            data={i18n.options('BillingUnit')}
            value={form.billingUnit}
            onChange={(v) => set('billingUnit', (v ?? 'HOUR') as HearingForm['billingUnit'])}
            readOnly={!editable}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={i18n.label('HearingItem', 'overtime')}
            data={yesNo}
            value={form.overtime || null}
            onChange={(v) => set('overtime', (v ?? '') as HearingForm['overtime'])}
            error={errors.overtime}
            readOnly={!editable}
            clearable
          />
          <TextInput
            label={`${i18n.label('HearingItem', 'overtime')}${i18n.t('unitHoursPerMonth')}`}
            value={form.overtimeHours}
            onChange={(e) => set('overtimeHours', e.currentTarget.value)}
            readOnly={!editable}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={i18n.label('HearingItem', 'safetyTraining')}
            data={yesNo}
            value={form.safetyTraining || null}
            onChange={(v) => set('safetyTraining', (v ?? '') as HearingForm['safetyTraining'])}
            error={errors.safetyTraining}
            readOnly={!editable}
            clearable
          />
          <TextInput
            label={i18n.qualified(i18n.label('HearingItem', 'safetyTraining'), i18n.t('notes'))}
            value={form.safetyTrainingDetails}
            onChange={(e) => set('safetyTrainingDetails', e.currentTarget.value)}
            readOnly={!editable}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={i18n.label('HearingItem', 'confidentialInformation')}
            data={yesNo}
            value={form.confidential || null}
            onChange={(v) => set('confidential', (v ?? '') as HearingForm['confidential'])}
            error={errors.confidential}
            readOnly={!editable}
            clearable
          />
          <TextInput
            label={i18n.qualified(i18n.label('HearingItem', 'confidentialInformation'), i18n.t('notes'))}
            value={form.confidentialDetails}
            onChange={(e) => set('confidentialDetails', e.currentTarget.value)}
            readOnly={!editable}
          />
        </Group>
      </SimpleGrid>
      <MutationErrors
        state={{ ...save, fields: errors }}
        placed={[
          ...TEXT_ITEMS,
          'hazardousWork',
          'hazardRating',
          'billingAmount',
          'overtime',
          'safetyTraining',
          'confidential',
        ]}
      />
      {editable ? (
        <Group>
          <Button
            loading={save.busy}
            onClick={async () => {
              if (
                await save.run({
                  input: {
                    inquiryId,
                    items: hearingInput(form),
                    ...(version ? { expectedVersion: version } : {}),
                  },
                })
              )
                onSaved();
            }}
          >
            {i18n.t('save')}
          </Button>
          <Text size="xs" c="dimmed">
            {i18n.t('hearingSheet')}
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}
