using InFocus.Domain.Accounts;

namespace InFocus.Domain.Invitations;

/// <summary>
/// Accepts an invitation for someone who is not signed in, as the invitation page does: with a new account for the
/// invited address, or with the password of the account that has it. The address is always the invitation's (the
/// link proves it was received there). The account work is the Accounts services': registration's validation and
/// password policy, and sign-in's throttled password check. Neither path starts a session or issues tokens; the new
/// member signs in with the app afterwards.
/// </summary>
public sealed class InvitationJoinService(InvitationResponder responder, RegistrationService registration, SignInService signIn)
{
    /// <summary>
    /// Creates the account and accepts. 404 unknown link; 410 when it can no longer be used (checked first, so a dead
    /// link creates no account); 400 <c>name</c>/<c>password</c>; 409 when the address already has an account.
    /// </summary>
    public async Task<InvitationAcceptance> RegisterAndAcceptAsync(string token, JoinWithNewAccountRequest request, CancellationToken cancellationToken)
    {
        var invitation = await responder.DescribeAsync(token, cancellationToken);
        if (invitation.Status != InvitationStatus.Pending)
        {
            throw InvitationState.Gone(invitation.Status);
        }

        var account = await registration.CreateAccountAsync(new RegisterRequest(invitation.Email, request.Password, request.Name), cancellationToken);
        return await responder.AcceptAsync(account.Id, token, cancellationToken);
    }

    /// <summary>
    /// Checks the password of the invited address's account and accepts. 404 unknown link; 410 when it can no longer
    /// be used (an invitation this account already accepted answers as accepting again does); 400 <c>password</c>
    /// missing; 401 wrong password; 429 locked out (see <see cref="LoginThrottle"/>).
    /// </summary>
    public async Task<InvitationAcceptance> SignInAndAcceptAsync(
        string token, JoinWithPasswordRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        var invitation = await responder.DescribeAsync(token, cancellationToken);
        if (invitation.Status is not (InvitationStatus.Pending or InvitationStatus.Accepted))
        {
            throw InvitationState.Gone(invitation.Status);
        }

        var userId = await signIn.VerifyAsync(new LoginRequest(invitation.Email, request.Password), client, cancellationToken);
        return await responder.AcceptAsync(userId, token, cancellationToken);
    }
}
