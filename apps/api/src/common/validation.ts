import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, problems } from './problem';

/** Flattens class-validator's tree into `{field, code, message}` with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      out.push({ field, code: constraintCode(constraint), message });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

function constraintCode(constraint: string): string {
  if (constraint === 'whitelistValidation') return 'unknown_field';
  if (constraint === 'isDefined' || constraint === 'isNotEmpty') return 'required';
  return constraint.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Global validation: unknown fields are refused, types are converted, errors are problem+json. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => problems.validation(flattenValidationErrors(errors)),
  });
}
