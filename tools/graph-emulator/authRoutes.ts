// The token endpoint's routes: OpenID metadata, instance discovery, device code and token grants.

import { randomUUID } from 'node:crypto';
import { IdentityProvider, isOAuthError } from './identity';

export interface AuthAnswer {
  status: number;
  body: unknown;
}

export function serveAuth(
  method: string,
  url: string,
  rawBody: string,
  identity: IdentityProvider,
  authority: string,
): AuthAnswer {
  const path = url.split('?')[0];
  if (method === 'GET' && path === '/common/discovery/instance') {
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint: `${authority}/common/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [
          {
            preferred_network: new URL(authority).host,
            preferred_cache: new URL(authority).host,
            aliases: [new URL(authority).host],
          },
        ],
      },
    };
  }
  const openId = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
  if (method === 'GET' && openId) {
    const tenant = openId[1];
    const base = `${authority}/${tenant}`;
    return {
      status: 200,
      body: {
        issuer: identity.issuer(
          tenant === 'common' || tenant === 'organizations' || tenant === 'consumers' ? '{tenantid}' : tenant,
        ),
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['HS256'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        token_endpoint_auth_methods_supported: ['none', 'client_secret_post'],
        tenant_region_scope: null,
        cloud_instance_name: 'emulator.local',
      },
    };
  }
  if (method === 'GET' && /\/discovery\/v2\.0\/keys$/.test(path)) return { status: 200, body: { keys: [] } };
  const form = new URLSearchParams(rawBody);
  const clientId = form.get('client_id') ?? '';
  if (method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/devicecode$/.test(path)) {
    if (!clientId) return oauthError('invalid_request', "AADSTS900144: The request body must contain the parameter 'client_id'.");
    return { status: 200, body: identity.startDeviceCode(clientId, form.get('scope') ?? '', `${authority}/devicelogin`) };
  }
  if (method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) {
    const grant = form.get('grant_type');
    let result;
    if (grant === 'urn:ietf:params:oauth:grant-type:device_code' || grant === 'device_code') {
      result = identity.redeemDeviceCode(form.get('device_code') ?? '', clientId);
    } else if (grant === 'refresh_token') {
      result = identity.redeemRefreshToken(form.get('refresh_token') ?? '', clientId, form.get('scope') ?? undefined);
    } else {
      return oauthError('unsupported_grant_type', `AADSTS70003: The emulator does not support grant type '${grant ?? ''}'.`);
    }
    return isOAuthError(result) ? oauthError(result.error, result.error_description) : { status: 200, body: result };
  }
  return { status: 404, body: { error: 'not_found', error_description: `No token endpoint route ${method} ${path}.` } };
}

function oauthError(error: string, description: string): AuthAnswer {
  return {
    status: 400,
    body: {
      error,
      error_description: description,
      error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)],
      timestamp: new Date().toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    },
  };
}
