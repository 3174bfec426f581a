namespace Consulting.Domain.Programs;

public enum ProgramKind
{
    /// <summary>컨설팅: a city's quality-management consulting of selected agencies.</summary>
    Consulting,

    /// <summary>모니터링: a county's monitoring and peer coaching of its township teams.</summary>
    Monitoring,
}

/// <summary>Draft → Recruiting → Selecting → InProgress → Closed, only forward.</summary>
public enum ProgramStatus
{
    Draft,
    Recruiting,
    Selecting,
    InProgress,
    Closed,
}

/// <summary>참여 신청: Submitted → Selected or Declined by an official, or Withdrawn by the agency.</summary>
public enum ApplicationStatus
{
    Submitted,
    Withdrawn,
    Selected,
    Declined,
}
