namespace Farun.Web.Features.Assistant;

/// <summary>Settings under "Farun:Assistant".</summary>
public sealed class AssistantOptions
{
    public const string Section = "Farun:Assistant";

    /// <summary>Longest question accepted, in characters.</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>Questions one client (IP address) may ask per window.</summary>
    public int RequestsPerWindow { get; set; } = 30;

    /// <summary>The rate-limit window, in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Seconds without a touch or key press after which the kiosk clears the screen and returns to the start.</summary>
    public int KioskIdleSeconds { get; set; } = 90;

    /// <summary>Optional: the base address put in kiosk QR codes (e.g. https://farun.example.gov.cn) when the kiosk
    /// reaches the app through an internal address that phones cannot open. Empty: the address of the request.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The optional language model; off unless <see cref="LlmOptions.Endpoint"/> is set.</summary>
    public LlmOptions Llm { get; set; } = new();
}

/// <summary>Settings under "Farun:Assistant:Llm": any OpenAI-compatible chat-completions endpoint.</summary>
public sealed class LlmOptions
{
    /// <summary>Base address, e.g. http://127.0.0.1:8000/v1 (chat/completions is appended). Empty: no model.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string Model { get; set; } = "default";

    /// <summary>After this many seconds the default answer is given instead.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
}
