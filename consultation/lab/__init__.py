"""The user-testing lab: citizens' panel, studies, invitations and reports."""
