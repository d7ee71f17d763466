"use client";

import Link from "next/link";
import { useActionState } from "react";
import { registerAction, type FormState } from "@/app/(auth)/actions";
import { Field } from "@/components/ui/field";
import { FormAlert, SubmitButton } from "./form-parts";

export function RegisterForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(registerAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <div>
        <h1 className="text-lg font-semibold">Create your account</h1>
        <p className="text-sm text-muted">Then tell Doable what needs doing.</p>
      </div>
      <FormAlert message={state.error} />
      <Field
        id="name"
        name="name"
        label="Name"
        autoComplete="name"
        required
        maxLength={100}
        autoFocus
        defaultValue={state.values?.name}
        error={state.fields?.name}
      />
      <Field
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fields?.email}
      />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        minLength={8}
        placeholder="At least 8 characters"
        error={state.fields?.password}
      />
      <SubmitButton pending={pending}>Create account</SubmitButton>
      <p className="text-center text-sm text-muted">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-accent hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
