using System.Resources;

[assembly: NeutralResourcesLanguage("ko")]

namespace Consulting.Web;

/// <summary>Marker for the one resource file of UI text: Resources/SharedResource.resx (Korean) and .en.resx.</summary>
public sealed class SharedResource;
