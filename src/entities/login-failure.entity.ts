import { Column, Entity, Index, PrimaryColumn } from "typeorm";

// The sign-ins of one email address in its current window that did not succeed (a sign-in counts
// until its password proves right; src/auth/login-throttle.ts). Kept in the database so that every
// API process counts the same failures. The address is kept as its keyed hash (HMAC-SHA-256 under
// the server's INTEL_HMAC_SECRET, src/domain/intel/keyed-hash.ts): people type passwords into the
// email field, and what they typed there should not sit in a table in a form anyone can check
// guesses against.
@Entity("login_failure")
export class LoginFailure {
  @PrimaryColumn({ name: "email_digest", type: "text" })
  emailDigest: string;

  @Column({ type: "int" })
  failures: number;

  // Of those, the sign-ins whose password is still being checked: each may yet be given back.
  @Column({ type: "int", default: 0 })
  checking: number;

  // Rows of ended windows are pruned by later sign-ins.
  @Index("idx_login_failure_window")
  @Column({ name: "window_started_at", type: "timestamptz" })
  windowStartedAt: Date;
}
