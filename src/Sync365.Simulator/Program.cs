var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/_sim/stats", () => "{}");
app.Run();
