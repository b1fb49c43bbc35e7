/// The interactive map's page parts: its stylesheet, the error catcher that runs first, and the script
/// that draws ReportMap's data with Leaflet. The page records what it drew and any error in
/// #map-status (data-counts, data-errors, data-ready-ms), which the browser test reads.
enum ReportMapScript {
    static let css = """
    #map{height:680px;border:1px solid #bbb;background:#f4f4f0}
    .leaflet-container{font-family:inherit}
    .site-no{background:#1a1a1a;color:#fff;border:2px solid #fff;border-radius:50%;text-align:center;font:bold 11px/18px sans-serif;box-shadow:0 0 2px #000}
    .street-label{background:rgba(255,255,255,.75);border:0;box-shadow:none;font-weight:bold;color:#222;padding:0 3px}
    .street-label:before{display:none}
    .map-box{background:#fff;padding:6px 8px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.35);font-size:12px;line-height:18px}
    .map-box i{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-2px;border:1px solid #666}
    .north{text-align:center;font:bold 13px/14px sans-serif;padding:4px 7px}
    table.pop{font-size:12px}table.pop th{text-align:left;background:none;border:0;padding:1px 6px 1px 0;color:#555}
    table.pop td{text-align:left;border:0;padding:1px 0}
    """

    /// Runs before anything else, so an error in Leaflet itself is caught too.
    static let errorCatcher = """
    <script>window.caresiteErrors=[];(function(){function keep(m){window.caresiteErrors.push(String(m));var s=document.getElementById('map-status');if(s)s.setAttribute('data-errors',JSON.stringify(window.caresiteErrors));}
    window.addEventListener('error',function(e){keep(e.message||'error')});var ce=console.error;console.error=function(){keep([].join.call(arguments,' '));ce.apply(console,arguments)};})();</script>
    """

    static let script = #"""
    (function(){
    var tStart=performance.now(),D=JSON.parse(document.getElementById('map-data').textContent),T=D.text,S=D.style,q=D.q,local=D.crs==='local';
    function ll(x,y){return [y*q,x*q];}
    function ring(a){var x=0,y=0,o=[];for(var i=0;i<a.length;i+=2){x+=a[i];y+=a[i+1];o.push(ll(x,y));}return o;}
    function shape(g){return g.map(function(p){return p.map(ring);});}
    function isPoint(g){return typeof g[0]==='number';}
    function esc(s){return String(s).replace(/[&<>"]/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
    function table(L_,i,extra){var h='<table class="pop">';L_.fields.forEach(function(f,k){var v=L_.rows[i][k];h+='<tr><th>'+esc(f)+'</th><td>'+esc(v==null||v===''?'-':v)+'</td></tr>';});return h+(extra||'')+'</table>';}
    var map=L.map('map',{crs:local?L.CRS.Simple:L.CRS.EPSG3857,preferCanvas:true,minZoom:local?-20:1,maxZoom:local?10:19,zoomSnap:0.25});
    var R=L.canvas({padding:0.5,tolerance:3}),counts={},mode='after',t0=performance.now();
    map.createPane('sitePane').style.zIndex=700;
    // Communities: one canvas layer, not a Leaflet layer each (100k stay smooth): vertices projected once at
    // zoom 0, drawn batched by colour, clicks found through a grid of bounding boxes.
    var C=D.communities,n=C.g.length,crs=map.options.crs,P=[],BB=new Float64Array(4*n),box=[Infinity,Infinity,-Infinity,-Infinity];
    C.g.forEach(function(g,i){var parts=isPoint(g)?[[[ll(g[0],g[1])]]]:shape(g),x0=Infinity,y0=Infinity,x1=-Infinity,y1=-Infinity;
      P.push(parts.map(function(poly){return poly.map(function(r){var a=new Float64Array(2*r.length);r.forEach(function(v,k){
        if(v[0]<box[0])box[0]=v[0];if(v[1]<box[1])box[1]=v[1];if(v[0]>box[2])box[2]=v[0];if(v[1]>box[3])box[3]=v[1];
        var p=crs.latLngToPoint(L.latLng(v[0],v[1]),0);a[2*k]=p.x;a[2*k+1]=p.y;if(p.x<x0)x0=p.x;if(p.y<y0)y0=p.y;if(p.x>x1)x1=p.x;if(p.y>y1)y1=p.y;});return a;});}));
      BB[4*i]=x0;BB[4*i+1]=y0;BB[4*i+2]=x1;BB[4*i+3]=y1;});
    var G=64,gx0=Infinity,gy0=Infinity,gx1=-Infinity,gy1=-Infinity,cells=[];
    for(var i=0;i<n;i++){gx0=Math.min(gx0,BB[4*i]);gy0=Math.min(gy0,BB[4*i+1]);gx1=Math.max(gx1,BB[4*i+2]);gy1=Math.max(gy1,BB[4*i+3]);}
    var cw=Math.max(1e-12,(gx1-gx0)/G),ch=Math.max(1e-12,(gy1-gy0)/G);
    function cell(x,y){return Math.min(G-1,Math.max(0,Math.floor((x-gx0)/cw)))+G*Math.min(G-1,Math.max(0,Math.floor((y-gy0)/ch)));}
    for(i=0;i<n;i++){for(var cy=cell(BB[4*i],BB[4*i+1]),ce=cell(BB[4*i+2],BB[4*i+3]),y=Math.floor(cy/G);y<=Math.floor(ce/G);y++)
      for(var x=cy%G;x<=ce%G;x++)(cells[x+G*y]=cells[x+G*y]||[]).push(i);}
    function inside(a,x,y){var c=false;for(var k=0,j=a.length-2;k<a.length;j=k,k+=2){var yi=a[k+1],yj=a[j+1];
      if((yi>y)!==(yj>y)&&x<(a[j]-a[k])*(y-yi)/(yj-yi)+a[k])c=!c;}return c;}
    function hit(latlng,zoomScale){var p=crs.latLngToPoint(latlng,0),list=cells[cell(p.x,p.y)]||[],tol=6/zoomScale,best=Infinity,near=-1;
      for(var k=list.length-1;k>=0;k--){var i=list[k],g=P[i];
        if(g[0][0].length===2){var d=Math.max(Math.abs(g[0][0][0]-p.x),Math.abs(g[0][0][1]-p.y));if(d<=tol&&d<best){best=d;near=i;}continue;}
        if(p.x<BB[4*i]||p.x>BB[4*i+2]||p.y<BB[4*i+1]||p.y>BB[4*i+3])continue;
        for(var m=0;m<g.length;m++){var r=g[m],inn=inside(r[0],p.x,p.y);for(var h=1;h<r.length&&inn;h++)if(inside(r[h],p.x,p.y))inn=false;if(inn)return i;}}
      return near;}
    var Comm=L.Layer.extend({
      onAdd:function(m){this._c=L.DomUtil.create('canvas','leaflet-zoom-hide');m.getPanes().overlayPane.appendChild(this._c);
        m.on('moveend zoomend resize viewreset',this.redraw,this);this.redraw();},
      onRemove:function(m){L.DomUtil.remove(this._c);m.off('moveend zoomend resize viewreset',this.redraw,this);},
      redraw:function(){var m=this._map;if(!m)return;var size=m.getSize(),c=this._c,r=window.devicePixelRatio||1;
        L.DomUtil.setPosition(c,m.containerPointToLayerPoint([0,0]));c.width=size.x*r;c.height=size.y*r;c.style.width=size.x+'px';c.style.height=size.y+'px';
        var ctx=c.getContext('2d'),z=crs.scale(m.getZoom())/crs.scale(0),o=m.getPixelBounds().min,flags=C[mode];ctx.setTransform(r,0,0,r,0,0);
        ctx.lineWidth=0.5;ctx.strokeStyle=S.outline;
        // A path per community (one path of 100k parts is far slower in Chromium); off-screen ones skipped, those
        // under 2 px drawn as a pixel block, outlines only where a block is big enough to show one.
        ctx.globalAlpha=0.8;
        D.flags.forEach(function(f,k){ctx.fillStyle=f[2];for(var i=0;i<n;i++){if(flags[i]!==k)continue;var g=P[i];
          var x0=BB[4*i]*z-o.x,y0=BB[4*i+1]*z-o.y,w=(BB[4*i+2]-BB[4*i])*z,h=(BB[4*i+3]-BB[4*i+1])*z;
          if(x0>size.x+5||y0>size.y+5||x0+w<-5||y0+h<-5)continue;
          if(g[0][0].length===2){ctx.beginPath();ctx.arc(x0,y0,4,0,2*Math.PI);ctx.fill();ctx.stroke();continue;}
          if(w<2&&h<2){ctx.fillRect(x0,y0,Math.max(1,w),Math.max(1,h));continue;}
          ctx.beginPath();for(var a=0;a<g.length;a++)for(var b=0;b<g[a].length;b++){var v=g[a][b];ctx.moveTo(v[0]*z-o.x,v[1]*z-o.y);
            for(var t=2;t<v.length;t+=2)ctx.lineTo(v[t]*z-o.x,v[t+1]*z-o.y);ctx.closePath();}
          ctx.fill('evenodd');if(w>=8||h>=8)ctx.stroke();}});}
    });
    var comm=new Comm();
    map.on('click',function(e){var i=hit(e.latlng,crs.scale(map.getZoom())/crs.scale(0));if(i<0||!map.hasLayer(comm))return;
      L.popup().setLatLng(e.latlng).setContent(table(C,i,'<tr><th>'+esc(T.flagBefore)+'</th><td>'+esc(D.flags[C.before[i]][1])+'</td></tr><tr><th>'
        +esc(T.flagAfter)+'</th><td>'+esc(D.flags[C.after[i]][1])+'</td></tr>')).openOn(map);});
    counts.communities=n;
    function paint(){comm.redraw();}
    var St=D.streets,streets=L.featureGroup();
    St.g.forEach(function(g,i){if(g&&!isPoint(g)){var l=L.polygon(shape(g),{renderer:R,fill:false,weight:2,color:S.street,dashArray:'6 4',bubblingMouseEvents:false});l.bindPopup(table(St,i));streets.addLayer(l);}
      var p=St.label[i];if(p){streets.addLayer(L.tooltip({permanent:true,direction:'center',className:'street-label',interactive:false}).setLatLng(ll(p[0],p[1])).setContent(esc(St.rows[i][0])));}});
    counts.streets=St.rows.length;
    function points(Ly,make){var g=L.featureGroup();Ly.g.forEach(function(p,i){var m=make(ll(p[0],p[1]),i);m.bindTooltip(esc(Ly.rows[i][1]||Ly.rows[i][0]));m.bindPopup(table(Ly,i));g.addLayer(m);});return g;}
    var fac=points(D.facilities,function(p){return L.circleMarker(p,{renderer:R,radius:5,color:'#fff',weight:1.5,fillColor:S.facility,fillOpacity:1,bubblingMouseEvents:false});});
    counts.facilities=D.facilities.g.length;
    var sites=points(D.sites,function(p,i){return L.marker(p,{pane:'sitePane',icon:L.divIcon({className:'site-no',html:String(D.sites.rows[i][0]),iconSize:[22,22]}),zIndexOffset:1000});});
    counts.sites=D.sites.g.length;
    var circles=L.featureGroup();D.sites.g.forEach(function(p,i){var r=D.sites.radius_m/D.unit_m;if(r>0)circles.addLayer(L.circle(ll(p[0],p[1]),{renderer:R,radius:r,color:S.circle,weight:1.5,dashArray:'5 4',fillColor:S.circle,fillOpacity:0.08,interactive:false}));});
    counts.circles=circles.getLayers().length;
    var links=L.polyline(D.links.map(function(a){return [ll(a[0],a[1]),ll(a[2],a[3])];}),{renderer:R,color:S.assignment,weight:1,opacity:0.7,interactive:false});
    counts.links=D.links.length;
    var exc=points(D.excluded,function(p){return L.circleMarker(p,{renderer:R,radius:5,color:S.excluded,weight:2,dashArray:'2 2',fillColor:'#fff',fillOpacity:0.9,bubblingMouseEvents:false});});
    counts.excluded=D.excluded.g.length;
    var roads=L.polyline(D.roads.map(ring),{renderer:R,color:S.street,weight:1,opacity:0.6,interactive:false});
    counts.roads=D.roads.length;
    var afterOnly=[sites,circles,links],hidden=[];
    if(box[0]<=box[2])map.fitBounds([[box[0],box[1]],[box[2],box[3]]],{padding:[12,12]});else map.setView([0,0],1);
    [comm,roads,streets,circles,links,fac,exc,sites].forEach(function(l){l.addTo(map);});
    var overlays={};overlays[T.communities]=comm;overlays[T.streets]=streets;overlays[T.facilities]=fac;overlays[T.sites]=sites;
    overlays[T.circles]=circles;overlays[T.links]=links;if(D.excluded.g.length)overlays[T.excluded]=exc;
    if(D.roads.length)overlays[T.roads]=roads;
    L.control.layers(null,overlays,{collapsed:false}).addTo(map);
    function setMode(m){mode=m;paint();if(m==='before'){hidden=afterOnly.filter(function(l){return map.hasLayer(l);});hidden.forEach(function(l){map.removeLayer(l);});}
      else{hidden.forEach(function(l){l.addTo(map);});hidden=[];}}
    var toggle=L.control({position:'topleft'});toggle.onAdd=function(){var d=L.DomUtil.create('div','map-box');
      d.innerHTML=esc(T.view)+'：<label><input type="radio" name="mode" value="before"> '+esc(T.before)+'</label> <label><input type="radio" name="mode" value="after" checked> '+esc(T.after)+'</label>';
      L.DomEvent.disableClickPropagation(d);d.addEventListener('change',function(e){setMode(e.target.value);});return d;};toggle.addTo(map);
    var legend=L.control({position:'bottomright'});legend.onAdd=function(){var d=L.DomUtil.create('div','map-box'),h='<b>'+esc(T.legend)+'</b><br>';
      D.flags.forEach(function(f){h+='<i style="background:'+f[2]+'"></i>'+esc(f[1])+'<br>';});
      h+='<i style="background:'+S.facility+';border-radius:50%"></i>'+esc(T.facilities)+'<br><i style="background:'+S.site+';border-radius:50%"></i>'+esc(T.sites)+'<br>';
      h+='<i style="background:none;border:1.5px dashed '+S.circle+';border-radius:50%"></i>'+esc(T.circles)+'<br><i style="background:#fff;border:2px dashed '+S.excluded+';border-radius:50%"></i>'+esc(T.excluded);
      d.innerHTML=h;return d;};legend.addTo(map);
    var north=L.control({position:'topright'});north.onAdd=function(){var d=L.DomUtil.create('div','map-box north');d.innerHTML='▲<br>'+esc(T.north);return d;};north.addTo(map);
    if(!local||D.unit_m===1)L.control.scale({imperial:false,maxWidth:160}).addTo(map);
    if(location.hash==='#before'){var r=document.querySelector('input[name=mode][value=before]');r.checked=true;setMode('before');}
    var tBuilt=performance.now();
    requestAnimationFrame(function(){var s=document.getElementById('map-status'),n=0;for(var k in counts)n+=counts[k];
      s.setAttribute('data-counts',JSON.stringify(counts));s.setAttribute('data-features',String(n));s.setAttribute('data-ready-ms',String(Math.round(performance.now())));s.setAttribute('data-mode',mode);
      // Click-finding checked on the first community: the middle of its box must find it.
      if(n){var c0=crs.pointToLatLng(L.point((BB[0]+BB[2])/2,(BB[1]+BB[3])/2),0);s.setAttribute('data-probe',String(hit(c0,crs.scale(map.getZoom())/crs.scale(0))));}s.setAttribute('data-timing-ms',JSON.stringify({start:Math.round(tStart),parse:Math.round(t0-tStart),build:Math.round(tBuilt-t0),draw:Math.round(performance.now()-tBuilt)}));
      s.setAttribute('data-errors',JSON.stringify(window.caresiteErrors));});
    })();
    """#
}
