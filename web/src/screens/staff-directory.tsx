/** 社員名簿: the agency's own people. Admins add people and change role, department or active. */
import { Button, Group, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { graphql } from '../api/graphql.js';
import { useMutation, useQuery } from '../app/hooks.js';
import { useActor, useI18n } from '../app/session.js';
import { EnumBadge, ErrorNote, Loading, MutationErrors, Section } from '../app/ui.js';
import { may } from '../lib/roles.js';

const StaffQuery = graphql(`
  query StaffDirectory { staffMembers { userId name email role department supervisorId active version } }
`);
const CreateStaff = graphql(`
  mutation CreateStaffMember($input: CreateStaffMemberInput!) {
    createStaffMember(input: $input) {
      __typename
      ... on StaffMember { userId }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);
const UpdateStaff = graphql(`
  mutation UpdateStaffMember($input: UpdateStaffMemberInput!) {
    updateStaffMember(input: $input) {
      __typename
      ... on StaffMember { userId active }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

type Role = 'SALES' | 'MANAGER' | 'DIRECTOR' | 'LEGAL' | 'MARKETING' | 'ADMIN';

function AddStaff({ onDone }: { onDone(): void }) {
  const i18n = useI18n();
  const create = useMutation(CreateStaff, 'createStaffMember', 'StaffMember');
  const form = useForm({
    initialValues: { userId: '', name: '', email: '', role: 'SALES', department: '', supervisorId: '' },
  });
  return (
    <Section title={i18n.t('addStaff')} id="add-staff">
      <form
        onSubmit={form.onSubmit(async (v) => {
          const done = await create.run({
            input: {
              userId: v.userId,
              name: v.name,
              email: v.email,
              role: v.role as Role,
              ...(v.department ? { department: v.department } : {}),
              ...(v.supervisorId ? { supervisorId: v.supervisorId } : {}),
            },
          });
          if (done) {
            form.reset();
            onDone();
          }
        })}
      >
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput
              label={i18n.t('userId')}
              {...form.getInputProps('userId')}
              error={create.fields.userId}
            />
            <TextInput label={i18n.t('name')} {...form.getInputProps('name')} error={create.fields.name} />
            <TextInput label={i18n.t('email')} {...form.getInputProps('email')} error={create.fields.email} />
            <Select
              label={i18n.t('role')}
              data={i18n.options('Role')}
              {...form.getInputProps('role')}
              error={create.fields.role}
            />
            <Select
              label={i18n.t('department')}
              data={i18n.options('Department')}
              {...form.getInputProps('department')}
              error={create.fields.department}
              clearable
            />
            <TextInput
              label={i18n.t('supervisor')}
              {...form.getInputProps('supervisorId')}
              error={create.fields.supervisorId}
            />
          </SimpleGrid>
          <MutationErrors
            state={create}
            placed={['userId', 'name', 'email', 'role', 'department', 'supervisorId']}
          />
          <Group>
            <Button type="submit" loading={create.busy}>
              {i18n.t('addStaff')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

export function StaffDirectoryScreen() {
  const actor = useActor();
  const i18n = useI18n();
  const q = useQuery(StaffQuery, {});
  const update = useMutation(UpdateStaff, 'updateStaffMember', 'StaffMember');
  const manages = may(actor, 'manageStaff');
  return (
    <Stack>
      <Title order={2}>{i18n.t('staffDirectory')}</Title>
      <ErrorNote message={q.error} />
      <MutationErrors state={update} />
      {q.loading && !q.data ? <Loading /> : null}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{i18n.t('name')}</Table.Th>
            <Table.Th>{i18n.t('userId')}</Table.Th>
            <Table.Th>{i18n.t('role')}</Table.Th>
            <Table.Th>{i18n.t('department')}</Table.Th>
            <Table.Th>{i18n.t('supervisor')}</Table.Th>
            <Table.Th>{i18n.t('active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data?.staffMembers.map((m) => (
            <Table.Tr key={m.userId}>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{m.userId}</Table.Td>
              <Table.Td>
                <EnumBadge name="Role" value={m.role} />
              </Table.Td>
              <Table.Td>{i18n.label('Department', m.department)}</Table.Td>
              <Table.Td>{m.supervisorId ?? '—'}</Table.Td>
              <Table.Td>
                {manages ? (
                  <Button
                    size="compact-xs"
                    variant={m.active ? 'default' : 'light'}
                    aria-label={`${m.name}: ${m.active ? i18n.t('deactivate') : i18n.t('activate')}`}
                    onClick={async () => {
                      if (
                        await update.run({
                          input: { userId: m.userId, expectedVersion: m.version, active: !m.active },
                        })
                      )
                        await q.reload();
                    }}
                  >
                    {m.active ? i18n.t('deactivate') : i18n.t('activate')}
                  </Button>
                ) : m.active ? (
                  i18n.t('yes')
                ) : (
                  i18n.t('no')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {manages ? <AddStaff onDone={() => void q.reload()} /> : null}
    </Stack>
  );
}
