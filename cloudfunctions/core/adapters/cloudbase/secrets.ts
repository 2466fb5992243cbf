import type { SecretName, Secrets } from '../../ports'

/** Shorter than this, an HMAC key can be guessed offline from one captured check-in code. */
export const MIN_SECRET_LENGTH = 32

/**
 * Secrets from the function's environment variables, set in the console or cloudbaserc.json.
 * `signing` and `setup` exist in the cloud: sessions there are the platform's, not ours.
 */
export class EnvSecrets implements Secrets {
  constructor(private readonly env: Record<string, string | undefined> = process.env) {}

  async get(name: SecretName): Promise<string> {
    // No setup code set: no branch can be created, which is what a deployment without one wants.
    if (name === 'setup') return this.env.ZHIBU_SETUP_CODE?.trim() ?? ''
    if (name !== 'signing') {
      throw new Error(`secret "${name}" is local-mode only; CloudBase identifies callers itself`)
    }
    const value = this.env.ZHIBU_SIGNING_SECRET
    if (!value) throw new Error('ZHIBU_SIGNING_SECRET is not set in this function\'s environment variables')
    if (value.length < MIN_SECRET_LENGTH) {
      throw new Error(`ZHIBU_SIGNING_SECRET is too short (${value.length} characters; at least ${MIN_SECRET_LENGTH})`)
    }
    return value
  }
}
