import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (memory-hard); @node-rs/argon2 ships prebuilt binaries,
// so it installs without build scripts or downloads.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the email is unknown keeps response times alike,
// so timing does not tell which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash("doable-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
