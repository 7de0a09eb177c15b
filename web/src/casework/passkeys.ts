/** The passkey ceremonies: the server's options to navigator.credentials (@simplewebauthn/browser) and back. */
import {
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import type { ApiBody, PasskeyOptions, SignInState } from '../types.ts';
import { api } from './session.ts';

type Credential = ApiBody<'/api/v1/auth/passkey/login/verify'>['response'];

export async function authenticateWithPasskey(): Promise<SignInState> {
  const { options } = await api<PasskeyOptions>('POST', '/api/v1/auth/passkey/login/options');
  const response = await startAuthentication({ optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON });
  return api<SignInState>('POST', '/api/v1/auth/passkey/login/verify', { response: response as unknown as Credential });
}

export async function registerPasskey(): Promise<SignInState> {
  const { options } = await api<PasskeyOptions>('POST', '/api/v1/auth/passkey/register/options');
  const response = await startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON });
  return api<SignInState>('POST', '/api/v1/auth/passkey/register/verify', { response: response as unknown as Credential });
}
