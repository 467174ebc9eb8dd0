import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthenticatedRequest, AuthUser, Role } from './auth.types';

export const ROLES_KEY = 'jiyn:roles';

/**
 * The roles that may call a route. Without it a route is public; with it the caller must be
 * signed in and hold one of the roles (organizer = any signed-in person).
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
});
