/**
 * Opening a stored contract PDF: the API gives a 5-minute URL (requestContractDownload, audited in
 * the client's trail) for the signed contract or a non-standard basic contract's own text, which
 * legal reads before approving (A4-4, A5-1, A6-5). The link opens it in a new tab.
 */
import { Anchor, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { graphql } from '../api/graphql.js';
import { formatJst } from '../lib/time.js';
import { useMutation } from './hooks.js';
import { useI18n } from './session.js';
import { MutationErrors } from './ui.js';

const RequestDownload = graphql(`
  mutation RequestContractDownload($input: RequestContractDownloadInput!) {
    requestContractDownload(input: $input) {
      __typename
      ... on ContractDownload { url fileName expiresAt }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

export function ContractDocumentLink({
  contractId,
  document,
}: {
  contractId: string;
  document: 'SIGNED_PDF' | 'REVIEWED_TEXT';
}) {
  const i18n = useI18n();
  const download = useMutation(RequestDownload, 'requestContractDownload', 'ContractDownload');
  const [link, setLink] = useState<{ url: string; fileName: string; expiresAt: string }>();
  return (
    <Group gap="xs" data-testid={`document-${document}`}>
      <Button
        size="xs"
        variant="light"
        loading={download.busy}
        onClick={async () => {
          const granted = await download.run({ input: { contractId, document } });
          if (!granted) return;
          setLink(granted);
          window.open(granted.url, '_blank', 'noopener');
        }}
      >
        {i18n.label('ContractDocument', document)}: {i18n.t('openPdf')}
      </Button>
      {link ? (
        <Text size="xs">
          <Anchor href={link.url} target="_blank" rel="noopener" data-testid="document-link">
            {link.fileName}
          </Anchor>{' '}
          ({i18n.t('linkExpires', { at: formatJst(link.expiresAt) })})
        </Text>
      ) : null}
      <MutationErrors state={download} />
    </Group>
  );
}
