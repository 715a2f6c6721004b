using System.Threading.Channels;
using Farun.Data;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Cases;

/// <summary>
/// Group commit for <c>POST /api/cases</c>. Creations that arrive while earlier ones are being written wait in a queue; a
/// worker opens all that are waiting (up to <see cref="CaseOptions.CreateBatchMax"/>) in one unit of work and saves them
/// in one transaction: one write lock, one audit-chain append, one counts update and one commit for the lot instead of one
/// each, which is what bounds creation under load (on SQLite every write waits for the one before). A lone request on an
/// idle node is a batch of one and goes at once. Every request still gets its own answer or its own error: if anything in
/// a batch fails (a field error found only against the data, a conflict, two requests registering the same new person),
/// nothing of the batch is saved and each of its creations runs alone, exactly as without batching.
/// <see cref="CaseOptions.CreateWorkers"/> = 0 turns batching off.
/// </summary>
public sealed class CaseCreationBatcher(IServiceScopeFactory scopes, IOptions<CaseOptions> options, ILogger<CaseCreationBatcher> log)
    : IHostedService, IDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly CancellationTokenSource _stop = new();
    private Task[] _workers = [];
    private long _together;
    private long _alone;

    /// <summary>Creations saved together with others, and creations that ran alone (a batch of one or a failed batch).</summary>
    public (long Together, long Alone) Statistics => (Interlocked.Read(ref _together), Interlocked.Read(ref _alone));

    /// <summary>Creates the case, batched with whatever other creations are waiting (answers as
    /// <see cref="CreateCase.Handler.HandleAsync"/>).</summary>
    public async Task<CreateCase.Response> CreateAsync(CreateCase.Request request, HttpContext http, CancellationToken aborted)
    {
        var pending = new Pending(request, http, aborted);

        // Batching off, or the node stopping (the queue is closed then): the request creates its own.
        if (_workers.Length == 0 || !_queue.Writer.TryWrite(pending))
            return await http.RequestServices.GetRequiredService<CreateCase.Handler>().HandleAsync(request, http.User, aborted);

        // Not abandoned when the client goes: the worker may be reading this request's context (user, address) until
        // it has finished with it, and the server reuses the context once the request ends.
        return await pending.Result.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var count = Math.Max(0, options.Value.CreateWorkers);

        // Outside any request's execution context: a worker sets the HTTP context of each creation it opens.
        using (ExecutionContext.SuppressFlow())
            _workers = Enumerable.Range(0, count).Select(_ => Task.Run(() => WorkAsync(_stop.Token))).ToArray();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _stop.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // A host may stop its services after (or while) the container disposes them: the workers are cancelled already.
        }

        await Task.WhenAll(_workers).WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed twice.
        }

        _stop.Dispose();
    }

    private async Task WorkAsync(CancellationToken stop)
    {
        var max = Math.Max(1, options.Value.CreateBatchMax);
        var batch = new List<Pending>(max);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stop))
            {
                batch.Clear();
                while (batch.Count < max && _queue.Reader.TryRead(out var next))
                {
                    if (next.Aborted.IsCancellationRequested)
                        next.Result.TrySetCanceled(next.Aborted);
                    else
                        batch.Add(next);
                }

                await RunAsync(batch, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down: what is still waiting is cancelled below.
        }

        foreach (var p in batch)
            p.Result.TrySetCanceled(stop);
        while (_queue.Reader.TryRead(out var left))
            left.Result.TrySetCanceled(stop);
    }

    private async Task RunAsync(List<Pending> batch, CancellationToken stop)
    {
        if (batch.Count > 1 && await TrySaveTogetherAsync(batch, stop))
        {
            Interlocked.Add(ref _together, batch.Count);
            return;
        }

        foreach (var p in batch)
            await RunAloneAsync(p, stop);
        Interlocked.Add(ref _alone, batch.Count);
    }

    /// <summary>What a worker does with the creations it found waiting; the tasks complete with each one's answer or error.</summary>
    internal async Task<Task<CreateCase.Response>[]> RunBatchAsync(IReadOnlyList<(CreateCase.Request Request, HttpContext Http)> items, CancellationToken ct)
    {
        var batch = items.Select(i => new Pending(i.Request, i.Http, CancellationToken.None)).ToList();
        await RunAsync(batch, ct);
        return batch.Select(p => p.Result.Task).ToArray();
    }

    private async Task<bool> TrySaveTogetherAsync(List<Pending> batch, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<CreateCase.Handler>();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        var prepared = new List<CreateCase.Handler.Prepared>(batch.Count);

        // The audit log reads the caller (and their address) from the HTTP context: each creation is opened and answered
        // with its own. The accessor's value lives in this method's asynchronous flow only, so it is not left set.
        try
        {
            foreach (var p in batch)
            {
                accessor.HttpContext = p.Http;
                prepared.Add(await handler.PrepareAsync(p.Request, p.Http.User, stop));
            }

            await scope.ServiceProvider.GetRequiredService<FarunDbContext>().SaveChangesAsync(stop);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            foreach (var p in prepared)
                handler.Abandon(p);
            log.LogDebug(e, "{Count} case creations could not be saved together; each runs alone.", batch.Count);
            return false;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            accessor.HttpContext = batch[i].Http;
            try
            {
                batch[i].Result.TrySetResult(await handler.RespondAsync(prepared[i], stop));
            }
            catch (Exception e)
            {
                batch[i].Result.TrySetException(e);
            }
        }

        return true;
    }

    private async Task RunAloneAsync(Pending p, CancellationToken stop)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = p.Http;
            p.Result.TrySetResult(await scope.ServiceProvider.GetRequiredService<CreateCase.Handler>().HandleAsync(p.Request, p.Http.User, stop));
        }
        catch (Exception e)
        {
            p.Result.TrySetException(e);
        }
    }

    private sealed class Pending(CreateCase.Request request, HttpContext http, CancellationToken aborted)
    {
        public CreateCase.Request Request { get; } = request;

        public HttpContext Http { get; } = http;

        public CancellationToken Aborted { get; } = aborted;

        public TaskCompletionSource<CreateCase.Response> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
