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
    var D=JSON.parse(document.getElementById('map-data').textContent),T=D.text,S=D.style,q=D.q,local=D.crs==='local';
    function ll(x,y){return [y*q,x*q];}
    function ring(a){var x=0,y=0,o=[];for(var i=0;i<a.length;i+=2){x+=a[i];y+=a[i+1];o.push(ll(x,y));}return o;}
    function shape(g){return g.map(function(p){return p.map(ring);});}
    function isPoint(g){return typeof g[0]==='number';}
    function esc(s){return String(s).replace(/[&<>"]/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
    function table(L_,i,extra){var h='<table class="pop">';L_.fields.forEach(function(f,k){var v=L_.rows[i][k];h+='<tr><th>'+esc(f)+'</th><td>'+esc(v==null||v===''?'-':v)+'</td></tr>';});return h+(extra||'')+'</table>';}
    var map=L.map('map',{crs:local?L.CRS.Simple:L.CRS.EPSG3857,preferCanvas:true,minZoom:local?-20:1,maxZoom:local?10:19,zoomSnap:0.25});
    var R=L.canvas({padding:0.5,tolerance:3}),counts={},mode='after';
    map.createPane('sitePane').style.zIndex=700;
    var C=D.communities,comm=L.featureGroup();
    C.g.forEach(function(g,i){var l=isPoint(g)?L.circleMarker(ll(g[0],g[1]),{renderer:R,radius:4,weight:0.5,color:S.outline,fillOpacity:0.85})
      :L.polygon(shape(g),{renderer:R,weight:0.5,color:S.outline,fillOpacity:0.7});l._ci=i;comm.addLayer(l);});
    counts.communities=C.g.length;
    function paint(){comm.eachLayer(function(l){l.setStyle({fillColor:D.flags[C[mode][l._ci]][2]});});}
    comm.on('click',function(e){var i=e.layer._ci;L.popup().setLatLng(e.latlng).setContent(table(C,i,
      '<tr><th>'+esc(T.flagBefore)+'</th><td>'+esc(D.flags[C.before[i]][1])+'</td></tr><tr><th>'+esc(T.flagAfter)+'</th><td>'+esc(D.flags[C.after[i]][1])+'</td></tr>')).openOn(map);});
    var St=D.streets,streets=L.featureGroup();
    St.g.forEach(function(g,i){if(g&&!isPoint(g)){var l=L.polygon(shape(g),{renderer:R,fill:false,weight:2,color:S.street,dashArray:'6 4'});l.bindPopup(table(St,i));streets.addLayer(l);}
      var p=St.label[i];if(p){streets.addLayer(L.tooltip({permanent:true,direction:'center',className:'street-label',interactive:false}).setLatLng(ll(p[0],p[1])).setContent(esc(St.rows[i][0])));}});
    counts.streets=St.rows.length;
    function points(Ly,make){var g=L.featureGroup();Ly.g.forEach(function(p,i){var m=make(ll(p[0],p[1]),i);m.bindTooltip(esc(Ly.rows[i][1]||Ly.rows[i][0]));m.bindPopup(table(Ly,i));g.addLayer(m);});return g;}
    var fac=points(D.facilities,function(p){return L.circleMarker(p,{renderer:R,radius:5,color:'#fff',weight:1.5,fillColor:S.facility,fillOpacity:1});});
    counts.facilities=D.facilities.g.length;
    var sites=points(D.sites,function(p,i){return L.marker(p,{pane:'sitePane',icon:L.divIcon({className:'site-no',html:String(D.sites.rows[i][0]),iconSize:[22,22]}),zIndexOffset:1000});});
    counts.sites=D.sites.g.length;
    var circles=L.featureGroup();D.sites.g.forEach(function(p,i){var r=D.sites.radius_m[i]/D.unit_m;if(r>0)circles.addLayer(L.circle(ll(p[0],p[1]),{renderer:R,radius:r,color:S.circle,weight:1.5,dashArray:'5 4',fillColor:S.circle,fillOpacity:0.08,interactive:false}));});
    counts.circles=circles.getLayers().length;
    var links=L.polyline(D.links.map(function(a){return [ll(a[0],a[1]),ll(a[2],a[3])];}),{renderer:R,color:S.assignment,weight:1,opacity:0.7,interactive:false});
    counts.links=D.links.length;
    var exc=points(D.excluded,function(p){return L.circleMarker(p,{renderer:R,radius:5,color:S.excluded,weight:2,dashArray:'2 2',fillColor:'#fff',fillOpacity:0.9});});
    counts.excluded=D.excluded.g.length;
    var afterOnly=[sites,circles,links],hidden=[];
    var b=comm.getBounds();if(b.isValid())map.fitBounds(b,{padding:[12,12]});else map.setView([0,0],1);
    [comm,streets,circles,links,fac,exc,sites].forEach(function(l){l.addTo(map);});
    var overlays={};overlays[T.communities]=comm;overlays[T.streets]=streets;overlays[T.facilities]=fac;overlays[T.sites]=sites;
    overlays[T.circles]=circles;overlays[T.links]=links;if(D.excluded.g.length)overlays[T.excluded]=exc;
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
    paint();
    if(location.hash==='#before'){var r=document.querySelector('input[name=mode][value=before]');r.checked=true;setMode('before');}
    requestAnimationFrame(function(){var s=document.getElementById('map-status'),n=0;for(var k in counts)n+=counts[k];
      s.setAttribute('data-counts',JSON.stringify(counts));s.setAttribute('data-features',String(n));s.setAttribute('data-ready-ms',String(Math.round(performance.now())));s.setAttribute('data-mode',mode);
      s.setAttribute('data-errors',JSON.stringify(window.caresiteErrors));});
    })();
    """#
}
