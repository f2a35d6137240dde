import { Alert, Button, Checkbox, FileInput, Group, Modal, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconSignature, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../../../../shared/contract/files';
import type { SigningCredential } from '../../../../shared/contract/signingApi';
import { api } from '../../apiClient';
import { downloadFile } from '../../components/download';
import { notifyError } from '../../components/errors';
import { useApiData } from '../../components/useApiData';
import { formatTimestamp } from '../../components/format';
import { readFileBase64 } from './readFileBase64';
import { showNotice } from '../../components/notices';

type Source = SigningCredential['kind'];

const base64Of = (file: File): Promise<string> => readFileBase64(file, new AbortController().signal, () => {});

/**
 * "Ký số": exports the PDF, has the app's own process sign it — with a PKCS#12 file sent for this one call, or with the
 * token plugged into the machine that runs the app — and downloads the signed copy. Nothing is signed in the page.
 */
export function SignPdfButton({ makePdf, disabled }: { makePdf: () => Promise<ExportedFile>; disabled?: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconSignature size={16} />} disabled={disabled} onClick={() => setOpened(true)}>
        {t('signing.ui.button')}
      </Button>
      {/* Mounted only while open: the password or PIN typed is gone once the dialog closes. */}
      {opened && <SignPdfDialog makePdf={makePdf} onClose={() => setOpened(false)} />}
    </>
  );
}

function SignPdfDialog({ makePdf, onClose }: { makePdf: () => Promise<ExportedFile>; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: setup } = useApiData(() => api.signingSetup({}), []);
  const [source, setSource] = useState<Source>('pkcs12');
  const [certificate, setCertificate] = useState<File | null>(null);
  const [secret, setSecret] = useState('');
  const [image, setImage] = useState<File | null>(null);
  const [agency, setAgency] = useState(false);
  const [signing, setSigning] = useState(false);
  // The PDF names another person than the certificate's holder: asked before anything is signed, and forgotten as
  // soon as the certificate, its secret or the role changes (the answer was about that certificate).
  const [otherSigner, setOtherSigner] = useState<{ file: ExportedFile; printedSigner: string; certificateHolder: string } | null>(null);
  const token = setup?.token ?? null;
  const ready = secret.length > 0 && (source === 'pkcs12' ? certificate !== null : token !== null);
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setOtherSigner(null);
      set(value);
    };

  const sign = async () => {
    setSigning(true);
    try {
      const credential: SigningCredential =
        source === 'pkcs12' ? { kind: 'pkcs12', fileBase64: await base64Of(certificate!), password: secret } : { kind: 'pkcs11', pin: secret };
      // Once confirmed, the very file the officer was warned about is signed.
      const file = otherSigner?.file ?? (await makePdf());
      const answer = await api.signPdf({ file, credential, role: agency ? 'agency' : 'signer', imageBase64: image ? await base64Of(image) : undefined, acceptOtherSigner: otherSigner !== null });
      if (answer.outcome === 'confirmSigner') {
        setOtherSigner({ file, printedSigner: answer.printedSigner, certificateHolder: answer.certificateHolder });
        return;
      }
      const signed = answer;
      downloadFile(signed);
      showNotice('success', {
        message: `${t('signing.ui.done', { name: signed.commonName, time: formatTimestamp(signed.signingTime) })}${signed.visible ? '' : ` ${t('signing.ui.invisible')}`}`,
        autoClose: 10_000,
      });
      onClose();
    } catch (error) {
      notifyError(error);
    } finally {
      setSigning(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('signing.ui.title')} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('signing.ui.where')}
        </Text>
        <SegmentedControl
          aria-label={t('signing.ui.source')}
          value={source}
          onChange={(value) => {
            setOtherSigner(null);
            setSource(value as Source);
            setSecret('');
          }}
          data={[
            { value: 'pkcs12', label: t('signing.ui.pkcs12') },
            { value: 'pkcs11', label: t('signing.ui.pkcs11') },
          ]}
        />
        {source === 'pkcs12' ? (
          <>
            <FileInput
              label={t('signing.ui.certificateFile')}
              placeholder={t('signing.ui.pick')}
              accept=".p12,.pfx,application/x-pkcs12"
              leftSection={<IconUpload size={16} />}
              value={certificate}
              onChange={changed(setCertificate)}
              clearable
            />
            <PasswordInput label={t('signing.ui.password')} autoComplete="off" value={secret} onChange={(event) => changed(setSecret)(event.currentTarget.value)} />
          </>
        ) : token ? (
          <>
            <Text size="sm">{t('signing.ui.tokenAt', { library: token.library })}</Text>
            <PasswordInput label={t('signing.ui.pin')} autoComplete="off" value={secret} onChange={(event) => changed(setSecret)(event.currentTarget.value)} />
          </>
        ) : (
          <Alert color="yellow">{t('signing.ui.tokenMissing')}</Alert>
        )}
        <FileInput
          label={t('signing.ui.image')}
          placeholder={t('signing.ui.pick')}
          accept="image/png,image/jpeg"
          leftSection={<IconUpload size={16} />}
          value={image}
          onChange={setImage}
          clearable
        />
        <Checkbox label={t('signing.ui.agency')} checked={agency} onChange={(event) => changed(setAgency)(event.currentTarget.checked)} />
        {otherSigner && (
          <Alert color="orange" title={t('signing.ui.otherSignerTitle')} role="alert">
            {t('signing.ui.otherSigner', { printed: otherSigner.printedSigner, holder: otherSigner.certificateHolder })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('signing.ui.cancel')}
          </Button>
          <Button leftSection={<IconSignature size={16} />} disabled={!ready} loading={signing} color={otherSigner ? 'orange' : undefined} onClick={() => void sign()}>
            {otherSigner ? t('signing.ui.otherSignerConfirm', { holder: otherSigner.certificateHolder }) : t('signing.ui.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
