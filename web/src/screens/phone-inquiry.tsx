/** 電話受付: sales takes a phone inquiry, routed to a sales department at intake (A1-3). */
import { Button, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { graphql } from '../api/graphql.js';
import { useMutation, useQuery } from '../app/hooks.js';
import { useActor, useI18n } from '../app/session.js';
import { MutationErrors, Section } from '../app/ui.js';

const Departments = graphql(`query SalesDepartments { salesDepartments }`);
const RecordPhoneInquiry = graphql(`
  mutation RecordPhoneInquiry($input: RecordPhoneInquiryInput!) {
    recordPhoneInquiry(input: $input) {
      __typename
      ... on Inquiry { id }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

const FIELDS = [
  'company',
  'contactName',
  'contactDepartment',
  'phone',
  'email',
  'corporateNumber',
  'requestedJobCategory',
  'requestedStart',
] as const;

export function PhoneInquiryScreen() {
  const actor = useActor();
  const i18n = useI18n();
  const navigate = useNavigate();
  const departments = useQuery(Departments, {});
  const record = useMutation(RecordPhoneInquiry, 'recordPhoneInquiry', 'Inquiry');
  const form = useForm({
    initialValues: {
      ...(Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<(typeof FIELDS)[number], string>),
      message: '',
      department: actor.department ?? '',
    },
  });
  return (
    <Stack>
      <Title order={2}>{i18n.t('phoneInquiry')}</Title>
      <Section title={i18n.t('phoneInquiry')} id="phone-inquiry">
        <form
          onSubmit={form.onSubmit(async (values) => {
            const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '')) as {
              company: string;
              contactName: string;
            };
            const created = await record.run({
              input: { ...input, company: values.company, contactName: values.contactName },
            });
            if (created) navigate(`/inquiries/${created.id}`);
          })}
        >
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {FIELDS.map((f) => (
                <TextInput
                  key={f}
                  label={i18n.t(f)}
                  required={f === 'company' || f === 'contactName'}
                  {...form.getInputProps(f)}
                  error={record.fields[f]}
                />
              ))}
              <Select
                label={i18n.t('routeTo')}
                data={(departments.data?.salesDepartments ?? []).map((d) => ({
                  value: d,
                  label: i18n.label('Department', d),
                }))}
                {...form.getInputProps('department')}
                error={record.fields.department}
              />
            </SimpleGrid>
            <Textarea
              label={i18n.t('message')}
              {...form.getInputProps('message')}
              error={record.fields.message}
              autosize
              minRows={3}
            />
            <MutationErrors state={record} placed={[...FIELDS, 'department', 'message']} />
            <Button type="submit" loading={record.busy}>
              {i18n.t('save')}
            </Button>
          </Stack>
        </form>
      </Section>
    </Stack>
  );
}
