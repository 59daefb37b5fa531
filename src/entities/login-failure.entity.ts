import { Column, Entity, Index, PrimaryColumn } from "typeorm";

// Failed sign-ins for one email address in the current window (src/auth/login-throttle.ts). Kept
// in the database so that every API process counts the same failures. The address is stored as a
// SHA-256 digest of its normalized form: people type passwords into the email field, and what
// they typed there should not sit in a table in the clear.
@Entity("login_failure")
export class LoginFailure {
  @PrimaryColumn({ name: "email_digest", type: "text" })
  emailDigest: string;

  @Column({ type: "int" })
  failures: number;

  // Finished windows are pruned from here by later failures.
  @Index("idx_login_failure_window")
  @Column({ name: "window_started_at", type: "timestamptz" })
  windowStartedAt: Date;
}
